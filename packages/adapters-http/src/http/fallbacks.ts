import { Effect } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import type { Endpoint } from "./endpoint.ts"
import { respond } from "./endpoint.ts"
import { failure } from "./envelope.ts"

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const

/**
 * A known path asked with a method it does not take: 400, which the guide gives for "check that
 * POST or GET is correct", in the envelope rather than the router's empty 404.
 */
export const wrongMethodRoutes = (endpoints: ReadonlyArray<Endpoint>) => {
  const methodsOf = new Map<Endpoint["path"], Array<string>>()
  for (const { method, path } of endpoints) methodsOf.set(path, [...methodsOf.get(path) ?? [], method])
  return [...methodsOf].flatMap(([path, allowed]) =>
    METHODS.filter((method) => !allowed.includes(method)).map((method) =>
      HttpRouter.route(
        method,
        path,
        respond(Effect.map(HttpServerRequest.HttpServerRequest, (request) =>
          failure(400, `The ${method} method is not allowed on ${pathOf(request.url)}; use ${allowed.join(" or ")}.`)))
      )
    )
  )
}

export const pathOf = (url: string): string => url.split(/[?#]/, 1)[0]!
