import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { csmEndpoints } from "./routes.ts"
import type { Reply } from "./testing/client.ts"
import { dig } from "./testing/client.ts"
import type { TestServer } from "./testing/server.ts"
import { startServer } from "./testing/server.ts"

// A Network Admin may call every route but the user routes, which stay with the bootstrap Admin.
const netadmin = ["netadmin", "netadmin-pw"] as const
const admin = ["admin", "admin-pw"] as const
const authFor = (path: string) => (path.startsWith("/api/v1/users") ? admin : netadmin)

// Every key some route takes, a few it does not, and values that name what exists, so that
// generated rows reach the core's checks and not only the key check.
const keys = [
  "username", "password", "privilege", "fullname", "email", "region_name", "server_repositories", "hostname",
  "connection_type", "host_or_ip", "port_number", "server_type", "tftp_server_path", "file_directory", "vrf",
  "server_address", "home_directory", "destination_on_host", "device_path", "profile_name", "command_list", "region",
  "roles", "ts_or_ip", "enable_password", "jump_host", "location", "install_action", "scheduled_time", "utc_offset",
  "server_repository", "server_directory", "software_packages", "command_profile", "dependency", "colour", "__proto__"
]
const meaningful = fc.constantFrom(
  "SJ Labs", "R1", "Repo", "Checks", "telnet", "ssh", "LOCAL", "SFTP", "Viewer", "Operator", "Add", "Commit",
  "Pre-Upgrade", "06-15-2016 03:15 PM", "-07:00", "+14:00", "1", "a.pie,b.pie", "10.0.0.1", ""
)
const value = fc.oneof(meaningful, fc.string(), fc.jsonValue({ maxDepth: 3 }), fc.array(meaningful, { maxLength: 3 }))
const row = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 })
const body = fc.oneof(
  fc.array(row, { maxLength: 4 }).map((rows) => ({ json: rows })),
  row.map((one) => ({ json: one })),
  fc.jsonValue({ maxDepth: 4 }).map((json) => ({ raw: JSON.stringify(json) ?? "null" })),
  fc.string().map((raw) => ({ raw }))
)

// The token and the OpenAPI document are the only answers outside the envelope (the guide's shape, and the standard's).
const bare = new Set(["/api/v1/token", "/api/v1/openapi.json"])

const expectEnvelope = (path: string, reply: Reply) => {
  const seen = `${reply.status} ${reply.text.slice(0, 300)}`
  expect([200, 207, 400, 404, 413], seen).toContain(reply.status)
  if (reply.status === 200 && bare.has(path)) return
  const inner = dig(reply.body, "api_response")
  expect(typeof inner === "object" && inner !== null && !Array.isArray(inner), seen).toBe(true)
  if (reply.status >= 400 && dig(inner, "install_job_list") === undefined) {
    expect(dig(inner, "status"), seen).toBe("FAILED")
    expect(typeof dig(inner, "status_message"), seen).toBe("string")
  }
}

/** A request that changed nothing: refused as a whole, or no row of it succeeded. */
const refused = (reply: Reply) => reply.status >= 400 || !reply.text.includes(`"status":"SUCCESS"`)

describe("no input produces a 500, leaves the envelope, or writes when refused", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
    await server.post("/api/v1/server_repositories", { hostname: "Repo", server_type: "LOCAL", device_path: "disk0:" }, netadmin)
    await server.post("/api/v1/custom_command_profiles", { profile_name: "Checks", command_list: ["show version"] }, netadmin)
    await server.post("/api/v1/regions", { region_name: "SJ Labs", server_repositories: ["Repo"] }, netadmin)
    await server.post("/api/v1/hosts", { hostname: "R1", region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.1" }, netadmin)
  })
  afterAll(() => server.close())

  const posts = csmEndpoints.filter((endpoint) => endpoint.method === "POST").map((endpoint) => endpoint.path)

  it.each(posts)("POST %s with arbitrary JSON, rows and text", async (path) => {
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const before = await server.logLength()
        const reply = await server.request("POST", path, { auth: authFor(path), ...sent })
        expectEnvelope(path, reply)
        if (refused(reply)) expect(await server.logLength()).toBe(before)
      }),
      { numRuns: 120 }
    )
  })

  const queried = csmEndpoints.filter((endpoint) => endpoint.method !== "POST" && endpoint.path.startsWith("/api/v1/"))

  const queryNames = (method: string, path: string) =>
    (dig(csmEndpoints.find((endpoint) => endpoint.path === path && endpoint.method === method)?.operation, "parameters") as ReadonlyArray<unknown>)
      .filter((parameter) => dig(parameter, "in") === "query")
      .map((parameter) => String(dig(parameter, "name")))

  it.each(queried.map(({ method, path }) => [method, path] as const))("%s %s with arbitrary parameters and path names", async (method, path) => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), meaningful)
    const query = fc.dictionary(fc.constantFrom(...queryNames(method, path), "x"), text, { maxKeys: 4 })
    await fc.assert(
      fc.asyncProperty(query, text, async (given, name) => {
        const before = await server.logLength()
        const search = new URLSearchParams(Object.entries(given)).toString()
        const target = path.replace(/:\w+/, encodeURIComponent(name)) + (search === "" ? "" : `?${search}`)
        const reply = await server.request(method, target, { auth: authFor(path) })
        expectEnvelope(path, reply)
        if (method === "DELETE" && refused(reply)) expect(await server.logLength()).toBe(before)
      }),
      { numRuns: 120 }
    )
  })

  it("logged no internal error all along", () => {
    expect(server.logs.filter((line) => line.includes("internal error"))).toEqual([])
  })
})
