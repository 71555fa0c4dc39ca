import { Result, Schema } from "effect"

/**
 * A command the domain refuses. `message` is the exact sentence API.md gives the user, so the
 * HTTP adapter passes it through unchanged; `status` is the HTTP status the contract names.
 */
export class Rejected extends Schema.TaggedError<Rejected>()("Rejected", {
  message: Schema.String,
  status: Schema.optionalKey(Schema.Literals([400, 404]))
}) {}

/** Shorthand for a decider's refusal. */
export const reject = (message: string): Result.Result<never, Rejected> => Result.fail(new Rejected({ message }))

/** Shorthand for a decider's acceptance. */
export const accept = <E>(...events: ReadonlyArray<E>): Result.Result<ReadonlyArray<E>, never> => Result.succeed(events)
