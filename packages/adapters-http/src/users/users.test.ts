import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const admin = ["admin", "admin-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })

describe("/api/v1/users", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it("creates and updates users row by row: 200, or 207 when a row fails", async () => {
    const created = await server.post("/api/v1/users", [
      { username: "alice", password: "alice-pw", privilege: "Operator", fullname: "Alice A", email: "alice@example.com" }
    ], admin)
    expect([created.status, created.body]).toEqual([200, { api_response: { user_list: [{ username: "alice", status: "SUCCESS" }] } }])
    const mixed = await server.post("/api/v1/users", [
      { username: "bob", password: "bob-pw", privilege: "Viewer" },
      { username: "carol", privilege: "Viewer" },
      { username: "dave", password: "dave-pw", privilege: "Boss" },
      { username: "eve:x", password: "pw", privilege: "Viewer" },
      { password: "pw", privilege: "Viewer" },
      { username: "frank", password: "pw", privilege: "Viewer", shoe_size: 44 }
    ], admin)
    expect([mixed.status, mixed.body]).toEqual([207, {
      api_response: {
        user_list: [
          { username: "bob", status: "SUCCESS" },
          { username: "carol", status: "FAILED", status_message: "The following required key, 'password', is missing." },
          { username: "dave", status: "FAILED", status_message: `'privilege' must be "Admin", "Network Admin", "Operator" or "Viewer".` },
          { username: "eve:x", status: "FAILED", status_message: "'username' must not contain ':'." },
          { status: "FAILED", status_message: "The following required key, 'username', is missing." },
          { username: "frank", status: "FAILED", status_message: "The following key, 'shoe_size', is invalid." }
        ]
      }
    }])
  })

  it("a single object is a one-row list", async () => {
    const reply = await server.post("/api/v1/users", { username: "gina", password: "gina-pw", privilege: "Viewer" }, admin)
    expect(reply.body).toEqual({ api_response: { user_list: [{ username: "gina", status: "SUCCESS" }] } })
  })

  it("lists users without any password field, with a name filter", async () => {
    const all = await server.get("/api/v1/users", admin)
    expect(all.status).toBe(200)
    expect(all.text).not.toMatch(/password|scrypt/)
    const one = await server.get("/api/v1/users?username=ALICE", admin)
    expect(one.body).toEqual({
      api_response: { user_list: [{ username: "alice", privilege: "Operator", fullname: "Alice A", email: "alice@example.com" }] }
    })
    expect(await server.get("/api/v1/users?username=zed", admin)).toMatchObject({ status: 400, body: failed("Unknown username 'zed'.") })
  })

  it("deletes a user; an unknown one and the last Admin are refused", async () => {
    const deleted = await server.delete("/api/v1/users/gina/delete", admin)
    expect([deleted.status, deleted.body]).toEqual([200, { api_response: { username: "gina", status: "SUCCESS" } }])
    expect(await server.delete("/api/v1/users/gina/delete", admin)).toMatchObject({ status: 400, body: failed("Unable to locate user gina") })
    expect(await server.delete("/api/v1/users/admin/delete", admin)).toMatchObject({ status: 400, body: failed("The last Admin cannot be deleted.") })
    const demoted = await server.post("/api/v1/users", [{ username: "admin", privilege: "Viewer" }], admin)
    expect(demoted).toMatchObject({ status: 207, body: { api_response: { user_list: [{ status: "FAILED", status_message: "The last Admin cannot lose the Admin privilege." }] } } })
  })
})
