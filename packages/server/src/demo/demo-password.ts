import { randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect, Redacted } from "effect"
import type { ServerConfig } from "../config.ts"
import { DemoSetupFailed } from "./demo-errors.ts"

/**
 * The Admin password the demo logs in with and prints. The server prints a generated password only on
 * the first start, so the demo draws one itself and keeps it beside its data (mode 0600), to log in
 * again on the next run; CSM_ADMIN_PASSWORD wins, and the memory store keeps nothing.
 */

export const demoPasswordFile = (dataDir: string): string => join(dataDir, "demo-admin-password")

const drawn = () => randomBytes(18).toString("base64url")

export const demoAdminPassword = (config: ServerConfig): Effect.Effect<string, DemoSetupFailed> =>
  Effect.try({
    try: () => {
      if (config.adminPassword !== undefined) return Redacted.value(config.adminPassword)
      if (config.store === "memory") return drawn()
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
      const file = demoPasswordFile(config.dataDir)
      try {
        writeFileSync(file, drawn(), { mode: 0o600, flag: "wx" })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
      }
      return readFileSync(file, "utf8").trim()
    },
    catch: (error) =>
      new DemoSetupFailed({ message: `The demo cannot keep its Admin password in ${config.dataDir}: ${(error as Error).message}.` })
  })
