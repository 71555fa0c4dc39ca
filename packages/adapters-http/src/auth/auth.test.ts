import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { dig } from "../testing/client.ts"
import type { Credentials } from "../testing/client.ts"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const admin = ["admin", "admin-pw"] as const
const unauthorized = { api_response: { status: "FAILED", status_message: "Invalid credentials or expired token." } }
const HOUR = 60 * 60_000

describe("authentication", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  const tokenOf = async (credentials: Credentials): Promise<string> => {
    const reply = await server.get("/api/v1/token", credentials)
    expect(reply.status).toBe(200)
    return String(dig(reply.body, "token"))
  }

  const expectUnauthorized = async (credentials: Credentials | undefined, path = "/api/v1/hosts") => {
    const reply = await server.get(path, credentials)
    expect([reply.status, reply.body]).toEqual([401, unauthorized])
    expect(reply.headers.get("www-authenticate")).toBe(`Basic realm="csm"`)
  }

  it("refuses missing, malformed and wrong credentials with 401 and a Basic challenge", async () => {
    await expectUnauthorized(undefined)
    await expectUnauthorized(["admin", "wrong"])
    await expectUnauthorized(["nobody", "admin-pw"])
    await expectUnauthorized(["admin", ""])
    for (const authorization of ["Bearer abc", "Basic", "Basic !!!", `Basic ${Buffer.from("admin").toString("base64")}`]) {
      const reply = await server.request("GET", "/api/v1/hosts", { headers: { authorization } })
      expect([reply.status, reply.body]).toEqual([401, unauthorized])
    }
  })

  it("accepts a user name and password; user names ignore case, passwords do not", async () => {
    expect((await server.get("/api/v1/hosts", ["ADMIN", "admin-pw"])).status).toBe(200)
    await expectUnauthorized(["admin", "ADMIN-PW"])
  })

  it("a token works as the user name with any password, for one hour", async () => {
    const token = await tokenOf(admin)
    expect((await server.get("/api/v1/hosts", [token, "unused"])).status).toBe(200)
    expect((await server.get("/api/v1/hosts", [token, ""])).status).toBe(200)
    server.advance(HOUR - 1000)
    expect((await server.get("/api/v1/hosts", [token, "unused"])).status).toBe(200)
    server.advance(2000)
    await expectUnauthorized([token, "unused"])
  })

  it("refuses a token that was tampered with or signed by another installation", async () => {
    const token = await tokenOf(admin)
    const [claims, signature] = token.split(".")
    const forged = Buffer.from(JSON.stringify({ sub: "admin", exp: Date.now() + 10 * HOUR, pwd: "x" })).toString("base64url")
    await expectUnauthorized([`${forged}.${signature}`, "unused"])
    await expectUnauthorized([`${claims}.${signature}x`, "unused"])
    const other = await startServer()
    try {
      const foreign = String(dig((await other.get("/api/v1/token", admin)).body, "token"))
      await expectUnauthorized([foreign, "unused"])
    } finally {
      await other.close()
    }
  })

  it("a token cannot get another token: only a password does", async () => {
    const token = await tokenOf(admin)
    await expectUnauthorized([token, "unused"], "/api/v1/token")
  })

  it("a token of a deleted user stops working at once, also when the name is taken again", async () => {
    await server.post("/api/v1/users", [{ username: "temp", password: "temp-pw", privilege: "Viewer" }], admin)
    const token = await tokenOf(["temp", "temp-pw"])
    expect((await server.delete("/api/v1/users/temp/delete", admin)).status).toBe(200)
    await expectUnauthorized([token, "unused"])
    await server.post("/api/v1/users", [{ username: "temp", password: "temp-pw", privilege: "Viewer" }], admin)
    await expectUnauthorized([token, "unused"])
  })

  it("a new password retires the tokens issued before it; other changes do not", async () => {
    await server.post("/api/v1/users", [{ username: "rotating", password: "first-pw", privilege: "Viewer" }], admin)
    const token = await tokenOf(["rotating", "first-pw"])
    await server.post("/api/v1/users", [{ username: "rotating", email: "r@example.com" }], admin)
    expect((await server.get("/api/v1/hosts", [token, "unused"])).status).toBe(200)
    await server.post("/api/v1/users", [{ username: "rotating", password: "second-pw" }], admin)
    await expectUnauthorized([token, "unused"])
    await expectUnauthorized(["rotating", "first-pw"])
    expect((await server.get("/api/v1/hosts", ["rotating", "second-pw"])).status).toBe(200)
  })

  it("a changed privilege counts at once, for tokens too", async () => {
    await server.post("/api/v1/users", [{ username: "climber", password: "climber-pw", privilege: "Viewer" }], admin)
    const token = await tokenOf(["climber", "climber-pw"])
    const forbidden = await server.post("/api/v1/regions", [{ region_name: "Climb" }], [token, "unused"])
    expect([forbidden.status, dig(forbidden.body, "api_response", "status_message")]).toEqual([401, "User does not have the required permissions."])
    expect(forbidden.headers.get("www-authenticate")).toBe(`Basic realm="csm"`)
    await server.post("/api/v1/users", [{ username: "climber", privilege: "Network Admin" }], admin)
    expect((await server.post("/api/v1/regions", [{ region_name: "Climb" }], [token, "unused"])).status).toBe(200)
    await server.post("/api/v1/users", [{ username: "climber", privilege: "Viewer" }], admin)
    expect((await server.post("/api/v1/regions", [{ region_name: "Climb 2" }], [token, "unused"])).status).toBe(401)
  })
})
