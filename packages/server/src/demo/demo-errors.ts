import { Schema } from "effect"

/** Why the demo could not set itself up: the lab did not start, or the server refused a registration. */
export class DemoSetupFailed extends Schema.TaggedError<DemoSetupFailed>()("DemoSetupFailed", {
  message: Schema.String
}) {}
