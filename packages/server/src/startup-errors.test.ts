import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { spawnServer, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

/** Runs a server that should refuse to start: how it ended, and what it printed. */
const refused = async (env: Record<string, string>, args: ReadonlyArray<string> = []) => {
  const server = spawnServer({ CSM_DATA_DIR: join(tmp.path, "data"), ...env }, args)
  return { ...(await server.exited), stdout: server.stdout, stderr: server.stderr }
}

describe("a server that cannot start", () => {
  it("exits 1 with one sentence on stderr for a bad setting, and no stack trace", async () => {
    expect(await refused({ CSM_PORT: "70000" })).toEqual({
      code: 1,
      signal: null,
      stdout: [],
      stderr: [`CSM_PORT must be a port number from 0 to 65535, not "70000".`]
    })
    expect(await refused({}, ["--store", "postgres"])).toMatchObject({ code: 1, stderr: [`--store must be "sqlite", "memory", a postgres:// URL or a kurrentdb:// connection string.`] })
  })

  it("says so when the port is taken", async () => {
    const first = await startServer({ CSM_STORE: "memory" })
    try {
      const port = new URL(first.base).port
      expect(await refused({ CSM_STORE: "memory" }, ["--port", port])).toMatchObject({
        code: 1,
        stderr: [expect.stringMatching(new RegExp(`^Cannot listen on 127\\.0\\.0\\.1 port ${port}: .*EADDRINUSE.*\\.$`))]
      })
    } finally {
      await first.stop()
    }
  })

  it("says so when the data directory cannot be created", async () => {
    const file = join(tmp.path, "a-file")
    writeFileSync(file, "")
    expect(await refused({ CSM_DATA_DIR: join(file, "data") })).toMatchObject({
      code: 1,
      stderr: [expect.stringMatching(/^The data directory .*a-file\/data cannot be used: .*\.$/)]
    })
  })

  it("says so when the store file is not a database", async () => {
    const dataDir = join(tmp.path, "corrupt")
    mkdirSync(dataDir)
    writeFileSync(join(dataDir, "csm.sqlite"), "not a database ".repeat(100))
    expect(await refused({ CSM_DATA_DIR: dataDir })).toMatchObject({
      code: 1,
      stderr: [`The store ${join(dataDir, "csm.sqlite")} cannot be opened: file is not a database.`]
    })
  })

  it("says so when another server runs on the same SQLite store, and leaves that one running", async () => {
    const dataDir = join(tmp.path, "taken")
    const first = await startServer({ CSM_DATA_DIR: dataDir })
    try {
      expect(await refused({ CSM_DATA_DIR: dataDir })).toMatchObject({
        code: 1,
        stderr: [
          `The store ${join(dataDir, "csm.sqlite")} cannot be opened: another process has it open ` +
          "(one server per SQLite store; several servers share a PostgreSQL store)."
        ]
      })
      expect(await first.get("/healthz")).toMatchObject({ status: 200 })
    } finally {
      await first.stop()
    }
  })

  it("prints the options on --help and exits 0", async () => {
    const help = await refused({}, ["--help"])
    expect(help).toMatchObject({ code: 0, stderr: [] })
    expect(help.stdout[0]).toBe("Usage: csm-server [options]")
  })
})
