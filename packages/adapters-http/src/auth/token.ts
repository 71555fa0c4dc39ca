import { Clock, Duration, Effect, Option, Redacted, Schema } from "effect"
import { createHmac, timingSafeEqual } from "node:crypto"
import { HttpAuthConfig } from "../config.ts"

/**
 * Tokens of `GET /api/v1/token`: `<claims>.<signature>`, both base64url, signed with HMAC-SHA256
 * under the installation's secret. The claims name the user, the expiry, and a stamp of the
 * password the token was issued under, so that a new password (or a user deleted and created
 * again) retires the old tokens.
 */
const Claims = Schema.Struct({ sub: Schema.String, exp: Schema.Number, pwd: Schema.String })
export type Claims = typeof Claims.Type

const decodeClaims = Schema.decodeUnknownOption(Schema.fromJsonString(Claims))

// Each use of the secret has its own label, so no signature can stand in for another.
const mac = (secret: Redacted.Redacted<string | Uint8Array>, label: string, data: string): Buffer =>
  createHmac("sha256", Redacted.value(secret)).update(`${label}\n${data}`).digest()

/** A stamp of the user's stored (sealed) password hash; it changes whenever the password is set. */
export const passwordStamp = Effect.fnUntraced(function*(passwordHash: string) {
  const { tokenSecret } = yield* HttpAuthConfig
  return mac(tokenSecret, "password", passwordHash).subarray(0, 16).toString("base64url")
})

export const issueToken = Effect.fnUntraced(function*(user: { readonly name: string; readonly passwordHash: string }) {
  const { tokenSecret, tokenLifetime } = yield* HttpAuthConfig
  const now = yield* Clock.currentTimeMillis
  const claims: Claims = { sub: user.name, exp: now + Duration.toMillis(tokenLifetime), pwd: yield* passwordStamp(user.passwordHash) }
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url")
  return `${payload}.${mac(tokenSecret, "token", payload).toString("base64url")}`
})

/** The claims of a token this installation signed and that has not expired; nothing for anything else. */
export const readToken = Effect.fnUntraced(function*(token: string) {
  const { tokenSecret } = yield* HttpAuthConfig
  const [payload, signature, ...rest] = token.split(".")
  if (payload === undefined || signature === undefined || rest.length > 0) return undefined
  const given = Buffer.from(signature, "base64url")
  const expected = mac(tokenSecret, "token", payload)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const claims = Option.getOrUndefined(decodeClaims(Buffer.from(payload, "base64url").toString("utf8")))
  if (claims === undefined || (yield* Clock.currentTimeMillis) >= claims.exp) return undefined
  return claims
})
