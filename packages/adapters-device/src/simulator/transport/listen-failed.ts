import { Schema } from "effect"

/** A simulated router or bastion could not open its port (already taken, or not allowed). */
export class ListenFailed extends Schema.TaggedError<ListenFailed>()("ListenFailed", {
  port: Schema.Number,
  message: Schema.String
}) {}
