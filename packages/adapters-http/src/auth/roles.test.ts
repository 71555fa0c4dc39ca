import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { csmEndpoints } from "../routes.ts"
import { dig } from "../testing/client.ts"
import type { TestServer, TestUser } from "../testing/server.ts"
import { startServer, USERS } from "../testing/server.ts"

// API.md §1, written out by hand so that the routes' own settings are checked against it.
const everyone: ReadonlyArray<TestUser> = ["admin", "netadmin", "operator", "viewer"]
const operators: ReadonlyArray<TestUser> = ["admin", "netadmin", "operator"]
const networkAdmins: ReadonlyArray<TestUser> = ["admin", "netadmin"]
const admins: ReadonlyArray<TestUser> = ["admin"]

const directory = (route: string, nameKey: string): Record<string, ReadonlyArray<TestUser>> => ({
  [`POST /api/v1/${route}`]: networkAdmins,
  [`GET /api/v1/${route}`]: everyone,
  [`DELETE /api/v1/${route}/:${nameKey}/delete`]: networkAdmins
})

const matrix: Record<string, ReadonlyArray<TestUser>> = {
  "GET /api/v1/token": everyone,
  "POST /api/v1/users": admins,
  "GET /api/v1/users": admins,
  "DELETE /api/v1/users/:username/delete": admins,
  ...directory("regions", "region_name"),
  ...directory("jump_hosts", "hostname"),
  ...directory("server_repositories", "hostname"),
  ...directory("custom_command_profiles", "profile_name"),
  "POST /api/v1/hosts": networkAdmins,
  "GET /api/v1/hosts": everyone,
  "DELETE /api/v1/hosts/:hostname/delete": networkAdmins,
  "POST /api/v1/install": operators,
  "GET /api/v1/install": everyone,
  "DELETE /api/v1/install/delete": operators,
  "GET /api/v1/install/logs/:id": operators,
  "GET /api/v1/cco/catalog": everyone,
  "GET /api/v1/cco/software": everyone,
  "GET /api/v1/cco/software/:name_or_id": everyone,
  "GET /api/v1/cco/get_optimized_software": everyone,
  "GET /api/v1/openapi.json": everyone
}

describe("roles (API.md §1)", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it("the matrix names every authenticated route", () => {
    const routes = csmEndpoints.filter((endpoint) => endpoint.path !== "/healthz").map(({ method, path }) => `${method} ${path}`)
    expect(Object.keys(matrix).sort()).toEqual(routes.sort())
  })

  const cases = Object.entries(matrix).flatMap(([route, allowed]) =>
    Object.keys(USERS).map((user) => [route, user as TestUser, allowed.includes(user as TestUser)] as const)
  )

  it.each(cases)("%s as %s: allowed %s", async (route, user, allowed) => {
    const [method, pattern] = route.split(" ") as [string, string]
    // Harmless requests: empty bulk bodies, names that do not exist, an id that is not a job.
    const path = pattern.replace(/:id\b/, "999").replace(/:\w+/, "ghost") + (method === "DELETE" && pattern.endsWith("install/delete") ? "?id=999" : "")
    const reply = await server.request(method, path, { auth: [user, `${user}-pw`], ...(method === "POST" && { json: [] }) })
    if (allowed) expect(reply.status).not.toBe(401)
    else expect([reply.status, dig(reply.body, "api_response", "status_message")]).toEqual([401, "User does not have the required permissions."])
  })
})
