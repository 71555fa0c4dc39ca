import { CatalogRefresher, ReadModels } from "@csm/core"
import { Effect, Option, Schema } from "effect"
import { HttpRouter } from "effect/http"
import type { Endpoint } from "../http/endpoint.ts"
import { respond } from "../http/endpoint.ts"
import { ok } from "../http/envelope.ts"
import { jsonSchema } from "../openapi/json-schema.ts"
import { json } from "../openapi/operation.ts"

const Health = Schema.Struct({ status: Schema.Literals(["ok", "unavailable"]) })
const health = { content: json(jsonSchema(Health)) }

/**
 * API.md §8: ready once the store answers, the read models have caught up with it and, when the
 * server refreshes a CCO catalog, its first refresh since start-up has finished or failed (CCO.md §4).
 * No credentials.
 */
export const healthEndpoint: Endpoint = {
  method: "GET",
  path: "/healthz",
  operation: {
    summary: "Whether the server is ready",
    security: [],
    responses: {
      "200": { description: "The store answers and the read models are up to date.", ...health },
      "503": { description: "The store does not answer, or the first catalog refresh is still running.", ...health }
    }
  },
  route: HttpRouter.route(
    "GET",
    "/healthz",
    respond(Effect.gen(function*() {
      const { catchUp } = yield* ReadModels
      const refresher = yield* Effect.serviceOption(CatalogRefresher)
      const catalogSettled = Option.isNone(refresher) || (yield* refresher.value.status).settled
      return yield* catchUp.pipe(
        Effect.as(catalogSettled ? ok({ status: "ok" }) : ok({ status: "unavailable" }, 503)),
        Effect.catch((error) => Effect.as(Effect.logWarning("Not ready", error), ok({ status: "unavailable" }, 503)))
      )
    }))
  )
}
