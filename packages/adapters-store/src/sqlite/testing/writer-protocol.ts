import { Schema } from "effect"
import { ConcurrencyConflict, DuplicateEventId, InvalidAppend, StoreUnavailable } from "@csm/core"

/**
 * What the test writer process (`writer-process.ts`) is given and answers, as JSON: an append
 * request in a file, the append's result or typed error as one line on stdout.
 */

/** `append` writes and exits; `hold` stops inside the transaction until stdin closes. */
export type WriterMode = "append" | "hold"

/** Announced on stdout by a `hold` writer once its transaction has inserted the whole batch. */
export const Holding = "holding"

export const WriterRequest = Schema.toCodecJson(Schema.Struct({
  stream: Schema.String,
  events: Schema.Array(Schema.Struct({
    id: Schema.String,
    type: Schema.String,
    schemaVersion: Schema.Number,
    data: Schema.Unknown,
    metadata: Schema.Record(Schema.String, Schema.String)
  })),
  expected: Schema.Union([
    Schema.TaggedStruct("NoStream", {}),
    Schema.TaggedStruct("StreamExists", {}),
    Schema.TaggedStruct("Any", {}),
    Schema.TaggedStruct("Exact", { version: Schema.Number })
  ])
}))

export const WriterReply = Schema.toCodecJson(Schema.Result(
  Schema.Struct({
    stream: Schema.String,
    firstVersion: Schema.Number,
    lastVersion: Schema.Number,
    duplicate: Schema.Boolean
  }),
  Schema.Union([ConcurrencyConflict, DuplicateEventId, InvalidAppend, StoreUnavailable])
))
