import { Effect, Schema } from "effect"
import { issueToken } from "../auth/token.ts"
import { defineEndpoint } from "../http/endpoint.ts"
import { HttpFailure, messages, ok } from "../http/envelope.ts"

/**
 * API.md §2: a token for the user, valid one hour, to send as the Basic user name. Only a
 * password gets one: a token that could renew itself would never expire.
 */
export const tokenEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/token",
  summary: "Get a token, valid one hour, to use as the Basic user name (with any password)",
  access: "Viewer",
  query: {},
  responses: { "200": { description: "The token.", body: Schema.Struct({ token: Schema.String }) } },
  handle: ({ caller }) =>
    caller.by === "token"
      ? Effect.fail(new HttpFailure({ status: 401, message: messages.unauthorized }))
      : Effect.map(issueToken(caller.user), (token) => ok({ token }))
})
