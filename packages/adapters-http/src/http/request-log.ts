import { Cause, Clock, Effect, Exit } from "effect"
import { HttpMiddleware, HttpRouter, HttpServerError, HttpServerRequest } from "effect/http"
import { failure, toResponse } from "./envelope.ts"
import { pathOf } from "./fallbacks.ts"

/**
 * Every request: one log line (method, path without the query, status, milliseconds; never a
 * header, so never credentials), and the envelope for paths that no route takes.
 */
export const RequestLog = HttpRouter.middleware((app) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const path = pathOf(request.url)
    const start = yield* Clock.currentTimeMillis
    return yield* app.pipe(
      Effect.catchCause((cause) => {
        const error = Cause.findErrorOption(cause)
        return error._tag === "Some" && HttpServerError.isHttpServerError(error.value) && error.value.reason._tag === "RouteNotFound"
          ? Effect.succeed(toResponse(noRoute(request.method, path, error.value.reason.description)))
          : Effect.failCause(cause)
      }),
      Effect.onExit((exit) =>
        Effect.flatMap(Clock.currentTimeMillis, (end) =>
          Effect.logInfo(`${request.method} ${path} ${Exit.isSuccess(exit) ? exit.value.status : "aborted"} ${end - start}ms`))
      ),
      // This line replaces the platform's own request log.
      HttpMiddleware.withLoggerDisabled
    )
  }), { global: true })

const noRoute = (method: string, path: string, description: string | undefined) => {
  if (!decodes(path)) return failure(400, "The path of the HTTP Request is not valid percent-encoding.")
  // The router refuses path parameters longer than its limit, which is longer than any CSM name.
  if (description !== undefined) return failure(400, "A name in the path of the HTTP Request is too long.")
  return failure(404, `There is no route ${method} ${path}.`)
}

const decodes = (path: string): boolean => {
  try {
    decodeURI(path)
    return true
  } catch {
    return false
  }
}
