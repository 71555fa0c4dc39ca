import { StoreUnavailable } from "@csm/core"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const admin = ["admin", "admin-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })
const invalidJson = failed("Data in the HTTP Request is an invalid JSON.")

describe("requests the adapter refuses before the core", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it("answers JSON in the envelope, as UTF-8", async () => {
    const reply = await server.get("/api/v1/regions", admin)
    expect(reply.status).toBe(200)
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8")
    expect(reply.body).toEqual({ api_response: { region_list: [] } })
  })

  it.each([
    ["not JSON", "{hostname: R1}"],
    ["empty", ""],
    ["a string", `"R1"`],
    ["a number", "42"],
    ["null", "null"],
    ["a list holding a non-object", `[{"region_name": "A"}, 3]`],
    ["a list of lists", `[[{"region_name": "A"}]]`],
    ["invalid UTF-8", new Uint8Array([0x5b, 0x7b, 0xff, 0xfe, 0x7d, 0x5d])]
  ])("a body that is %s is invalid JSON, and writes nothing", async (_, raw) => {
    const before = await server.logLength()
    const reply = await server.request("POST", "/api/v1/regions", { auth: admin, raw })
    expect([reply.status, reply.body]).toEqual([400, invalidJson])
    expect(await server.logLength()).toBe(before)
  })

  it("refuses JSON nested deeper than any row needs, without exhausting the stack", async () => {
    const depth = 1_000_000
    const raw = `[{"hostname": ${"[".repeat(depth)}${"]".repeat(depth)}}]`
    const reply = await server.request("POST", "/api/v1/install", { auth: admin, raw })
    expect([reply.status, reply.body]).toEqual([400, failed("Data in the HTTP Request is nested more than 32 levels deep.")])
  })

  it("a body beyond the default 16 MiB answers 413 in the envelope", async () => {
    const raw = `[{"region_name": "${"x".repeat(16 * 1024 * 1024)}"}]`
    const reply = await server.request("POST", "/api/v1/regions", { auth: admin, raw })
    expect([reply.status, reply.body]).toEqual([413, failed("The HTTP Request is larger than the limit of 16777216 bytes.")])
  })

  it("unknown query parameters are named, one or several", async () => {
    expect((await server.get("/api/v1/hosts?colour=red", admin)).body).toEqual(failed("Following parameter, 'colour', is not allowed."))
    const several = await server.get("/api/v1/install?colour=red&size=2&colour=blue", admin)
    expect([several.status, several.body]).toEqual([400, failed("Following parameters, 'colour,size', are not allowed.")])
    expect((await server.post("/api/v1/regions?dry_run=1", [], admin)).body).toEqual(failed("Following parameter, 'dry_run', is not allowed."))
  })

  it("a parameter given twice is refused; a blank one counts as absent", async () => {
    const twice = await server.get("/api/v1/hosts?region=A&region=B", admin)
    expect([twice.status, twice.body]).toEqual([400, failed("Parameter 'region' is given more than once.")])
    expect((await server.get("/api/v1/regions?region_name=", admin)).status).toBe(200)
  })

  it("an unknown route is 404 and a wrong method 400, both in the envelope", async () => {
    const unknown = await server.get("/api/v1/routers", admin)
    expect([unknown.status, unknown.body]).toEqual([404, failed("There is no route GET /api/v1/routers.")])
    const wrong = await server.request("PUT", "/api/v1/hosts", { auth: admin, json: [] })
    expect([wrong.status, wrong.body]).toEqual([400, failed("The PUT method is not allowed on /api/v1/hosts; use POST or GET.")])
    const deleteByGet = await server.get("/api/v1/hosts/R1/delete", admin)
    expect(deleteByGet.body).toEqual(failed("The GET method is not allowed on /api/v1/hosts/R1/delete; use DELETE."))
  })

  it("a path that is not valid percent-encoding, or holds an over-long name, is 400", async () => {
    const bad = await server.delete("/api/v1/hosts/%E0%A4%A/delete", admin)
    expect([bad.status, bad.body]).toEqual([400, failed("The path of the HTTP Request is not valid percent-encoding.")])
    const long = await server.delete(`/api/v1/hosts/${"x".repeat(300)}/delete`, admin)
    expect([long.status, long.body]).toEqual([400, failed("A name in the path of the HTTP Request is too long.")])
  })

  it("GET /healthz needs no credentials", async () => {
    const reply = await server.get("/healthz")
    expect([reply.status, reply.body]).toEqual([200, { status: "ok" }])
  })

  it("logs one line per request: method, path without the query, status, time; never credentials", async () => {
    const token = String((await server.get("/api/v1/token", admin)).text)
    await server.get("/api/v1/hosts?region=secret-region", admin)
    expect(server.logs.some((line) => /^GET \/api\/v1\/hosts 400 \d+ms$/.test(line))).toBe(true)
    // The platform's own request log stays quiet even when the server leaves it on.
    expect(server.logs.filter((line) => line.includes("Sent HTTP response"))).toEqual([])
    const all = server.logs.join("\n")
    expect(all).not.toContain("admin-pw")
    expect(all).not.toContain("secret-region")
    expect(all).not.toContain(JSON.parse(token).token)
  })
})

describe("a configured body limit", () => {
  it("answers 413 past it, and accepts what fits", async () => {
    const server = await startServer({ maxBodyBytes: 1024 })
    try {
      const big = await server.post("/api/v1/regions", [{ region_name: "x".repeat(2000) }], admin)
      expect([big.status, big.body]).toEqual([413, failed("The HTTP Request is larger than the limit of 1024 bytes.")])
      expect((await server.post("/api/v1/regions", [{ region_name: "SJ Labs" }], admin)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

describe("an internal fault", () => {
  it("answers 500 in the envelope, leaks nothing, and logs the cause", async () => {
    const server = await startServer({
      secretBox: (real) => ({
        ...real,
        seal: (plain) => Redacted.value(plain) === "explode" ? Effect.die(new Error("boom: key material 0xDEADBEEF")) : real.seal(plain)
      })
    })
    try {
      await server.post("/api/v1/regions", { region_name: "SJ Labs" }, admin)
      const before = await server.logLength()
      const reply = await server.post("/api/v1/hosts", [
        { hostname: "R1", region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.1" },
        { hostname: "R2", region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.2", password: "explode" }
      ], admin)
      expect([reply.status, reply.body]).toEqual([500, failed("The server failed to complete the request because of an internal error; it has been logged.")])
      expect(reply.text).not.toMatch(/boom|DEADBEEF|explode|at /)
      expect(await server.logLength()).toBe(before)
      expect(server.logs.join("\n")).toContain("boom: key material")
    } finally {
      await server.close()
    }
  })
})

describe("a store that stops answering", () => {
  it("makes /healthz answer 503, and every route 500 in the envelope", async () => {
    const down = { now: false }
    const server = await startServer({
      store: (real) => ({
        ...real,
        readAll: (after, limit) =>
          down.now ? Effect.fail(new StoreUnavailable({ cause: new Error("disk gone"), outcome: "not-written" })) : real.readAll(after, limit)
      })
    })
    try {
      expect((await server.get("/healthz")).status).toBe(200)
      down.now = true
      const health = await server.get("/healthz")
      expect([health.status, health.body]).toEqual([503, { status: "unavailable" }])
      const hosts = await server.get("/api/v1/hosts", admin)
      expect([hosts.status, hosts.body]).toEqual([500, failed("The server failed to complete the request because of an internal error; it has been logged.")])
    } finally {
      await server.close()
    }
  })
})
