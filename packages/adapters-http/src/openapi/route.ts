import { Effect } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { ok } from "../http/envelope.ts"
import { AnyRow } from "../http/shapes.ts"
import type { JsonSchema } from "./json-schema.ts"

/** API.md §8: the document is built from every endpoint, this one included, hence `document` is read lazily. */
export const openApiEndpoint = (document: () => JsonSchema) =>
  defineEndpoint({
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This API's OpenAPI 3.1 document",
    access: "Viewer",
    query: {},
    responses: { "200": { description: "The document.", body: AnyRow } },
    handle: () => Effect.sync(() => ok(document()))
  })
