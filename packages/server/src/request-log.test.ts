import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { dig } from "../../adapters-http/src/testing/client.ts"
import type { ServerProcess } from "./testing/server-process.ts"
import { printedPassword, startServer } from "./testing/server-process.ts"

describe("the request log", () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ CSM_STORE: "memory" })
  })
  afterAll(() => server.stop())

  it("has one line per request: method, path, status and milliseconds; never a password or a token", async () => {
    const password = printedPassword(server)
    const before = server.stdout.length
    const token = String(dig((await server.get("/api/v1/token", ["admin", password])).body, "token"))
    const auth: Credentials = [token, "unused"]
    await server.post("/api/v1/users", { username: "viewer", password: "Viewer-Password-9", privilege: "Viewer" }, auth)
    await server.get(`/api/v1/hosts?hostname=${token}`, auth)
    await server.get("/api/v1/token", ["admin", "wrong-password"])
    await server.delete("/api/v1/users/viewer/delete", auth)
    // Other lines (the catalog refresh) may come in between: keep the request log's.
    const requests = () =>
      server.stdout.slice(before).flatMap((line) => {
        const request = / (GET|POST|DELETE) (\S+) (\d{3}) (\d+)ms$/.exec(line)
        return request === null ? [] : [request.slice(1, 4)]
      })
    await expect.poll(() => requests().length).toBe(5)

    expect(requests()).toEqual([
      ["GET", "/api/v1/token", "200"],
      ["POST", "/api/v1/users", "200"],
      ["GET", "/api/v1/hosts", "400"],
      ["GET", "/api/v1/token", "401"],
      ["DELETE", "/api/v1/users/viewer/delete", "200"]
    ])
    const everything = [...server.stdout, ...server.stderr].join("\n")
    for (const secret of [token, "Viewer-Password-9", "wrong-password", Buffer.from(`admin:${password}`).toString("base64")]) {
      expect(everything).not.toContain(secret)
    }
    // The password itself only on the line that announced it.
    expect(server.stdout.filter((line) => line.includes(password))).toHaveLength(1)
  })
})
