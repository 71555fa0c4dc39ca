import type { EventStore, PasswordHasher, Privilege, ReadModels, SecretBox } from "@csm/core"
import { Rejected } from "@csm/core"
import { Cause, Effect } from "effect"
import type { Schema } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import type { HttpServerResponse } from "effect/http"
import { allows } from "../auth/access.ts"
import type { Caller } from "../auth/identify.ts"
import { identify } from "../auth/identify.ts"
import type { HttpAuthConfig } from "../config.ts"
import type { JsonSchema } from "../openapi/json-schema.ts"
import { operationOf } from "../openapi/operation.ts"
import type { Operation } from "../openapi/operation.ts"
import { readRows } from "./body.ts"
import type { Answer } from "./envelope.ts"
import { failure, HttpFailure, messages, toResponse } from "./envelope.ts"
import type { QueryOf, QuerySpec } from "./query.ts"
import { readQuery } from "./query.ts"

/** What the routes need: the core's services and the token secret. */
export type Services = ReadModels | EventStore | SecretBox | PasswordHasher | HttpAuthConfig

export type Method = "GET" | "POST" | "DELETE"

/** A request as a handler sees it: checked credentials, role, parameters and rows. */
export interface Call<Q> {
  readonly caller: Caller
  readonly query: Q
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string | undefined>>
  /** The rows of a bulk body; empty for routes without a body. */
  readonly rows: ReadonlyArray<object>
}

/** An answer of a route: a JSON body of `body`'s shape, or a file of `download`'s media type. */
export type ResponseSpec =
  | { readonly description: string; readonly body: Schema.Top }
  | { readonly description: string; readonly download: string }

export interface EndpointSpec<S extends QuerySpec, E> {
  readonly method: Method
  readonly path: `/${string}`
  readonly summary: string
  /** The least privilege the route needs (API.md §1). */
  readonly access: Privilege
  readonly query: S
  /** The JSON Schema of one row, for routes whose body is a bulk list of rows. */
  readonly rows?: JsonSchema
  /** The answers that the route itself gives, by status; the common failures are added for every route. */
  readonly responses: Readonly<Record<string, ResponseSpec>>
  readonly handle: (call: Call<QueryOf<S>>) => Effect.Effect<Answer, E, Services>
}

/** A route with its OpenAPI operation, both from one spec. */
export interface Endpoint {
  readonly method: Method
  readonly path: `/${string}`
  readonly operation: Operation
  readonly route: HttpRouter.Route<never, Services>
}

export const defineEndpoint = <S extends QuerySpec, E>(spec: EndpointSpec<S, E>): Endpoint => ({
  method: spec.method,
  path: spec.path,
  operation: operationOf(spec),
  route: HttpRouter.route(spec.method, spec.path, respond(Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const caller = yield* identify
    if (!allows(caller.user.privilege, spec.access)) return yield* new HttpFailure({ status: 401, message: messages.forbidden })
    const query = yield* readQuery(spec.query, searchParams(request.url))
    const rows = spec.rows === undefined ? [] : yield* readRows
    const params = yield* HttpRouter.params
    return yield* spec.handle({ caller, query, params, rows })
  })))
})

const searchParams = (url: string): URLSearchParams => {
  const start = url.indexOf("?")
  return new URLSearchParams(start === -1 ? "" : url.slice(start + 1))
}

/**
 * Turns a handler's outcome into the CSM envelope: refusals keep their message; anything else is
 * logged and answered 500 with a message that leaks nothing (API.md §1: never a stack trace).
 */
export const respond = <E, R>(program: Effect.Effect<Answer, E, R>): Effect.Effect<HttpServerResponse.HttpServerResponse, never, R> =>
  program.pipe(
    Effect.flatMap((answer) => Effect.sync(() => toResponse(answer))),
    Effect.catch((error) => {
      const refused = refusal(error)
      return refused === undefined ? internal(Cause.fail(error)) : Effect.succeed(toResponse(refused))
    }),
    Effect.catchDefect((defect) => internal(Cause.die(defect)))
  )

/** The answer to a request refused by the adapter or by the core; nothing for other failures. */
const refusal = (error: unknown): Answer | undefined =>
  error instanceof HttpFailure
    ? failure(error.status, error.message)
    : error instanceof Rejected
    ? failure(error.status ?? 400, error.message)
    : undefined

const internal = (cause: Cause.Cause<unknown>) =>
  Effect.as(Effect.logError("The request failed with an internal error", cause), toResponse(failure(500, messages.internal)))
