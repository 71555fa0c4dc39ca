import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Effect, Redacted } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import type { ServerConfig } from "../config.ts"
import { temporaryDirectory } from "../testing/server-process.ts"
import { demoAdminPassword, demoPasswordFile } from "./demo-password.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

const passwordOf = (config: Pick<ServerConfig, "adminPassword" | "store" | "dataDir">) =>
  Effect.runPromise(demoAdminPassword(config as ServerConfig))

describe("the demo's Admin password", () => {
  it("is drawn once per data directory, kept beside the data for the next run, readable by its owner only", async () => {
    const dataDir = join(tmp.path, "data")
    const first = await passwordOf({ adminPassword: undefined, store: "sqlite", dataDir })
    expect(first).toMatch(/^[\w-]{24}$/)
    expect(await passwordOf({ adminPassword: undefined, store: "sqlite", dataDir })).toBe(first)
    expect(readFileSync(demoPasswordFile(dataDir), "utf8")).toBe(first)
    expect(statSync(demoPasswordFile(dataDir)).mode & 0o777).toBe(0o600)
  })

  it("is CSM_ADMIN_PASSWORD when set, and a fresh one on the memory store", async () => {
    const dataDir = join(tmp.path, "unused")
    expect(await passwordOf({ adminPassword: Redacted.make("chosen"), store: "sqlite", dataDir })).toBe("chosen")
    const memory = await passwordOf({ adminPassword: undefined, store: "memory", dataDir })
    expect(await passwordOf({ adminPassword: undefined, store: "memory", dataDir })).not.toBe(memory)
  })
})
