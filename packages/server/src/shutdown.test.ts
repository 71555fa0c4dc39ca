import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

describe("shutdown", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`on ${signal}: closes the HTTP server and the store, and exits 0 promptly`, async () => {
      const dataDir = join(tmp.path, signal)
      const server = await startServer({ CSM_DATA_DIR: dataDir })
      // A keep-alive connection stays open after this request; it must not hold the server up.
      expect((await server.get("/api/v1/token", ["admin", printedPassword(server)])).status).toBe(200)
      const start = performance.now()
      expect(await server.stop(signal)).toEqual({ code: 0, signal: null })
      expect(performance.now() - start).toBeLessThan(3_000)
      expect(server.stderr).toEqual([])
      // SQLite removes the write-ahead log when the last connection closes.
      expect(existsSync(join(dataDir, "csm.sqlite"))).toBe(true)
      expect(existsSync(join(dataDir, "csm.sqlite-wal"))).toBe(false)
    })
  }
})
