import type { EndpointSpec } from "../http/endpoint.ts"
import { Failure } from "../http/envelope.ts"
import type { QuerySpec } from "../http/query.ts"
import type { JsonSchema } from "./json-schema.ts"
import { fieldSchema, jsonSchema } from "./json-schema.ts"

export type Operation = JsonSchema

/** A JSON body of the given schema, as an OpenAPI `content` map. */
export const json = (schema: JsonSchema) => ({ "application/json": { schema } })

const failureResponse = (description: string) => ({ description, content: json(jsonSchema(Failure)) })

/** `/hosts/:hostname/delete` as OpenAPI writes it: `/hosts/{hostname}/delete`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}")

const pathParameters = (path: string): ReadonlyArray<string> => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!)

/** The OpenAPI operation of an endpoint, from the same spec (and schemas) its route runs on. */
export const operationOf = <S extends QuerySpec, E>(spec: EndpointSpec<S, E>): Operation => ({
  summary: spec.summary,
  description: `Needs the ${spec.access} privilege or a higher one.`,
  parameters: [
    ...pathParameters(spec.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...Object.entries(spec.query).map(([name, schema]) => ({ name, in: "query", required: false, schema: fieldSchema(schema) }))
  ],
  ...(spec.rows !== undefined && {
    requestBody: {
      required: true,
      description: "One row, or a list of rows.",
      content: json({ oneOf: [spec.rows, { type: "array", items: spec.rows }] })
    }
  }),
  responses: {
    "400": failureResponse("The request or one of its parameters is invalid; the message says which."),
    "401": failureResponse("Invalid credentials or expired token, or a role that does not allow the route."),
    ...(spec.rows !== undefined && { "413": failureResponse("The body is larger than the server's limit.") }),
    "500": failureResponse("An internal error; the server logged it."),
    ...Object.fromEntries(
      Object.entries(spec.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          content: "download" in response
            ? { [response.download]: { schema: { type: "string", format: "binary" } } }
            : json(jsonSchema(response.body))
        }
      ])
    )
  }
})
