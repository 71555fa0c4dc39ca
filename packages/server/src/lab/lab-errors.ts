import { Schema } from "effect"

/** Why csm-lab cannot start: a wrong option, or a router that cannot open its ports. */
export class LabStartFailed extends Schema.TaggedError<LabStartFailed>()("LabStartFailed", {
  message: Schema.String
}) {}
