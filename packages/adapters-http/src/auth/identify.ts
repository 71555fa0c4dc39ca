import { authenticate, findUser, ReadModels } from "@csm/core"
import type { UserRecord } from "@csm/core"
import { Effect } from "effect"
import { HttpServerRequest } from "effect/http"
import { HttpFailure, messages } from "../http/envelope.ts"
import { parseBasic } from "./basic.ts"
import { passwordStamp, readToken } from "./token.ts"

/** The user a request speaks for, and whether it proved it with a password or a token. */
export interface Caller {
  readonly user: UserRecord
  readonly by: "password" | "token"
}

const unauthorized = new HttpFailure({ status: 401, message: messages.unauthorized })

/**
 * Reads the Basic credentials: `user:password`, or `token:anything`. The user is looked up as
 * stored now, on every request, so a deleted user's token stops working and a changed privilege
 * counts at once.
 */
export const identify = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const credentials = parseBasic(request.headers["authorization"])
  if (credentials === undefined) return yield* unauthorized
  const { views, catchUp } = yield* ReadModels
  yield* catchUp
  const claims = yield* readToken(credentials.username)
  if (claims !== undefined) {
    const user = findUser(views.users, claims.sub)
    if (user === undefined || claims.pwd !== (yield* passwordStamp(user.passwordHash))) return yield* unauthorized
    return { user, by: "token" } satisfies Caller
  }
  const user = yield* authenticate(credentials.username, credentials.password)
  if (user === undefined) return yield* unauthorized
  return { user, by: "password" } satisfies Caller
})
