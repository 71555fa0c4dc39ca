import { Redacted } from "effect"

export interface BasicCredentials {
  readonly username: string
  readonly password: Redacted.Redacted<string>
}

/**
 * The user name and password of an `Authorization: Basic ...` header. User names never hold `:`,
 * so the first one separates them; the password may hold any.
 */
export const parseBasic = (header: string | undefined): BasicCredentials | undefined => {
  const match = /^Basic +([A-Za-z0-9+/=_-]+) *$/i.exec(header ?? "")
  if (match === null) return undefined
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon <= 0) return undefined
  return { username: decoded.slice(0, colon), password: Redacted.make(decoded.slice(colon + 1)) }
}
