import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { csmEndpoints } from "../routes.ts"
import { dig } from "../testing/client.ts"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

describe("GET /api/v1/openapi.json", () => {
  let server: TestServer
  let document: unknown
  beforeAll(async () => {
    server = await startServer()
    const reply = await server.get("/api/v1/openapi.json", ["viewer", "viewer-pw"])
    expect(reply.status).toBe(200)
    document = reply.body
  })
  afterAll(() => server.close())

  it("is OpenAPI 3.1 with Basic security, and lists every route", () => {
    expect(document).toMatchObject({ openapi: "3.1.0", security: [{ basic: [] }], components: { securitySchemes: { basic: { type: "http", scheme: "basic" } } } })
    for (const { method, path } of csmEndpoints) {
      expect(dig(document, "paths", path.replace(/:(\w+)/g, "{$1}"), method.toLowerCase()), `${method} ${path}`).toBeDefined()
    }
    expect(dig(document, "paths", "/healthz", "get", "security")).toEqual([])
    expect(JSON.stringify(document)).not.toContain("$ref")
  })

  it("describes rows with the core's validators: names, lengths, enums, required keys", () => {
    const body = dig(document, "paths", "/api/v1/hosts", "post", "requestBody", "content", "application/json", "schema", "oneOf", 0)
    expect(body).toMatchObject({
      type: "object",
      required: ["hostname"],
      additionalProperties: false,
      properties: {
        hostname: { type: "string", minLength: 1, maxLength: 50 },
        connection_type: { type: "string", enum: ["telnet", "ssh"] },
        password: { type: "string", maxLength: 50, writeOnly: true }
      }
    })
    expect(Object.keys(dig(body, "properties") as object).sort()).toEqual([
      "connection_type", "enable_password", "hostname", "jump_host", "location", "password", "port_number", "region", "roles", "ts_or_ip", "username"
    ])
    const install = dig(document, "paths", "/api/v1/install", "post", "requestBody", "content", "application/json", "schema", "oneOf", 0, "oneOf")
    expect((install as ReadonlyArray<unknown>).map((row) => dig(row, "title"))).toEqual([
      "Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit", "Remove", "Deactivate"
    ])
    expect(dig(install, 1, "required")).toEqual(["hostname", "install_action", "server_repository", "software_packages"])
    expect(Object.keys(dig(install, 5, "properties") as object)).not.toContain("dependency")
  })

  it("describes query parameters and answers", () => {
    const parameters = dig(document, "paths", "/api/v1/install", "get", "parameters") as ReadonlyArray<unknown>
    expect(parameters.map((parameter) => dig(parameter, "name"))).toEqual(["id", "hostname", "install_action", "status", "scheduled_time", "utc_offset"])
    expect(dig(parameters, 3, "schema", "enum")).toEqual(["scheduled", "in-progress", "completed", "failed"])
    expect(dig(document, "paths", "/api/v1/hosts/{hostname}/delete", "delete", "parameters", 0)).toMatchObject({ name: "hostname", in: "path", required: true })
    expect(dig(document, "paths", "/api/v1/regions", "post", "responses", "207", "content", "application/json", "schema")).toMatchObject({
      properties: { api_response: { properties: { region_list: { type: "array" } } } }
    })
    expect(dig(document, "paths", "/api/v1/regions", "post", "responses", "413")).toBeDefined()
  })
})
