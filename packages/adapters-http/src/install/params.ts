import { hostLookup, reject, Text } from "@csm/core"
import type { Views } from "@csm/core"
import { Effect, Schema, SchemaGetter } from "effect"

/** An install job id as a query or path parameter gives it. */
export const JobIdText = Schema.String.check(Schema.isPattern(/^0*[1-9]\d{0,14}$/, { message: "must be a positive integer" }))

/** A host that a filter names, spelled as stored; `Unknown hostname 'x'.` otherwise, as `GET /hosts` says it. */
export const knownHost = (views: Views, name: string) => {
  const stored = hostLookup(views).canonical(name)
  return stored === undefined ? Effect.fromResult(reject(`Unknown hostname '${name}'.`)) : Effect.succeed(stored)
}

/** A time as a query gives it, trimmed. */
export const TimeText = Text(50)

/**
 * A `utc_offset` as a query gives it. A raw "+" in a URL query reads as a space, and the guide
 * itself writes `utc_offset=+07:00`, so a leading space before a digit is taken for the "+".
 */
export const UtcOffsetText = Schema.String.pipe(Schema.decodeTo(Schema.String, {
  decode: SchemaGetter.transform((text: string) => text.replace(/^ (?=\d)/, "+").trim()),
  encode: SchemaGetter.forbiddenEncoding
}))
