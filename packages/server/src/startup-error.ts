import { Schema } from "effect"

/** Why the server cannot start, in one sentence that says what to change. */
export class StartupError extends Schema.TaggedError<StartupError>()("StartupError", {
  message: Schema.String
}) {}
