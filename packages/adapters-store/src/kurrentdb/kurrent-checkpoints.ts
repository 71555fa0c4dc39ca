import type { AppendStreamState, CurrentStreamState } from "@kurrent/kurrentdb-client"
import { Effect, Option } from "effect"
import type { Checkpoint, StoreUnavailable } from "@csm/core"
import { CheckpointMismatch, uuidV7 } from "@csm/core"
import { checkpointStreamPrefix } from "./event-record.ts"
import type { KurrentClient } from "./kurrent-client.ts"
import { classify, unavailableOrDie } from "./kurrent-failure.ts"
import { lastEventOf } from "./stream-reads.ts"

/**
 * Consumer checkpoints (STORE.md §3.3): each save appends an event to stream
 * `checkpoint-<consumer>`, and the stream's revision is the compare-and-set token. A save sends
 * the token it loaded as the expected revision (none: the stream must not exist yet), so of two
 * instances saving from the same token the server lets exactly one through.
 */

export const checkpointStreamOf = (consumer: string): string => `${checkpointStreamPrefix}${consumer}`

/** The expected state a save sends; `undefined` for a token that cannot be one of ours. */
export const expectedStateOf = (token: Option.Option<string>): AppendStreamState | undefined =>
  Option.match(token, {
    onNone: () => "no_stream",
    onSome: (revision) => /^\d{1,20}$/.test(revision) ? BigInt(revision) : undefined
  })

/** The token a stream's state stands for, none while it has no checkpoint. */
export const tokenOf = (state: CurrentStreamState): string | undefined =>
  state === "no_stream" || state < 0n ? undefined : state.toString(10)

export const makeCheckpoints = (client: KurrentClient) => {
  const load = (consumer: string) =>
    Effect.map(lastEventOf(client, checkpointStreamOf(consumer)), (last) =>
      Option.map(Option.fromNullishOr(last), (event) => ({ checkpoint: checkpointIn(event.data), token: event.revision.toString(10) })))

  const save = (consumer: string, checkpoint: Checkpoint, expectedToken: Option.Option<string>) =>
    Effect.gen(function*() {
      const mismatch = (actual: string | undefined) =>
        new CheckpointMismatch({
          consumer,
          ...Option.match(expectedToken, { onNone: () => ({}), onSome: (expected) => ({ expected }) }),
          ...(actual === undefined ? {} : { actual })
        })
      const streamState = expectedStateOf(expectedToken)
      if (streamState === undefined) {
        return yield* mismatch(Option.getOrUndefined(yield* load(consumer))?.token)
      }
      const id = yield* uuidV7
      const result = yield* Effect.tryPromise({
        try: () =>
          client.appendToStream(
            checkpointStreamOf(consumer),
            [{ id, contentType: "application/json", type: "CheckpointSaved", data: { checkpoint }, metadata: undefined }],
            { streamState }
          ),
        catch: (error) => error
      }).pipe(Effect.catch((error): Effect.Effect<never, CheckpointMismatch | StoreUnavailable> => {
        const failure = classify(error)
        return failure._tag === "WrongExpectedVersion" ? Effect.fail(mismatch(tokenOf(failure.actual))) : unavailableOrDie(error, failure, true)
      }))
      return result.nextExpectedRevision.toString(10)
    })

  return { load, save }
}

const checkpointIn = (data: unknown): Checkpoint => {
  if (typeof data === "object" && data !== null && "checkpoint" in data && typeof data.checkpoint === "string") {
    return data.checkpoint
  }
  throw new Error(`A checkpoint stream holds an event that is not a saved checkpoint: ${JSON.stringify(data)}.`)
}
