import { ReadModels } from "@csm/core"
import { Effect, Schema } from "effect"
import { HttpRouter } from "effect/http"
import type { Endpoint } from "../http/endpoint.ts"
import { respond } from "../http/endpoint.ts"
import { ok } from "../http/envelope.ts"
import { jsonSchema } from "../openapi/json-schema.ts"
import { json } from "../openapi/operation.ts"

const Health = Schema.Struct({ status: Schema.Literals(["ok", "unavailable"]) })
const health = { content: json(jsonSchema(Health)) }

/** API.md §8: ready once the store answers and the read models have caught up with it; no credentials. */
export const healthEndpoint: Endpoint = {
  method: "GET",
  path: "/healthz",
  operation: {
    summary: "Whether the server is ready",
    security: [],
    responses: {
      "200": { description: "The store answers and the read models are up to date.", ...health },
      "503": { description: "The store does not answer.", ...health }
    }
  },
  route: HttpRouter.route(
    "GET",
    "/healthz",
    respond(Effect.gen(function*() {
      const { catchUp } = yield* ReadModels
      return yield* catchUp.pipe(
        Effect.as(ok({ status: "ok" })),
        Effect.catch((error) => Effect.as(Effect.logWarning("Not ready", error), ok({ status: "unavailable" }, 503)))
      )
    }))
  )
}
