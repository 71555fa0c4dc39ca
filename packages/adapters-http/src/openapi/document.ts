import type { Endpoint } from "../http/endpoint.ts"
import type { JsonSchema } from "./json-schema.ts"
import { openApiPath } from "./operation.ts"

/** The OpenAPI 3.1 document of the endpoints, each operation generated from its endpoint's spec. */
export const openApiDocument = (endpoints: ReadonlyArray<Endpoint>): JsonSchema => {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const { method, path, operation } of endpoints) {
    const item = paths[openApiPath(path)] ??= {}
    item[method.toLowerCase()] = operation
  }
  return {
    openapi: "3.1.0",
    info: { title: "CSM Server API", version: "v1", description: "The Cisco Software Manager server's REST API." },
    components: {
      securitySchemes: {
        basic: { type: "http", scheme: "basic", description: `A user name and password, or a token (GET /api/v1/token) and any password.` }
      }
    },
    security: [{ basic: [] }],
    paths
  }
}
