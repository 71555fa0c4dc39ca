import { invalidJson } from "@csm/core"
import { ByteSize, Effect, Predicate } from "effect"
import { HttpIncomingMessage, HttpServerRequest } from "effect/http"
import { MaxBodyBytes } from "../config.ts"
import { HttpFailure } from "./envelope.ts"

/** Deeper JSON than any CSM row needs; refusing it keeps echoing a row from exhausting the stack. */
const MAX_DEPTH = 32

const utf8 = new TextDecoder("utf-8", { fatal: true })

const refuse = (status: number, message: string) => new HttpFailure({ status, message })

/**
 * The rows of a bulk POST: the body is one JSON object or a list of objects (API.md §1). Anything
 * else, or a body beyond the size limit, is refused before a row is read.
 */
export const readRows = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const limit = yield* MaxBodyBytes
  const bytes = yield* request.arrayBuffer.pipe(
    Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(limit)),
    Effect.mapError((error) =>
      error.reason._tag === "RequestParseError" && error.reason.reason === "BodyTooLarge"
        ? refuse(413, `The HTTP Request is larger than the limit of ${limit} bytes.`)
        : refuse(400, invalidJson)
    )
  )
  const rows = parseRows(bytes)
  if (rows === undefined) return yield* refuse(400, invalidJson)
  if (rows.some(tooDeep)) {
    return yield* refuse(400, `Data in the HTTP Request is nested more than ${MAX_DEPTH} levels deep.`)
  }
  return rows
})

const isRow = (value: unknown): value is object => Predicate.isObject(value) && !Array.isArray(value)

const parseRows = (bytes: ArrayBuffer): ReadonlyArray<object> | undefined => {
  let value: unknown
  try {
    value = JSON.parse(utf8.decode(bytes))
  } catch {
    return undefined
  }
  if (isRow(value)) return [value]
  return Array.isArray(value) && value.every(isRow) ? value : undefined
}

/** Whether a JSON value nests deeper than `MAX_DEPTH`, checked without recursion (it may be millions deep). */
const tooDeep = (value: unknown): boolean => {
  const pending: Array<readonly [unknown, number]> = [[value, 1]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, level] = next
    if (typeof item !== "object" || item === null) continue
    if (level > MAX_DEPTH) return true
    for (const child of Object.values(item)) pending.push([child, level + 1])
  }
  return false
}
