import { Effect, Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { EventStore, ExpectedVersion } from "../store/event-store.ts"
import { decodeEvent } from "./domain-events.ts"

/** Events one command adds to one stream, with the version the decision was made on. */
export interface StreamChange {
  readonly stream: string
  readonly expected: ExpectedVersion
  readonly events: ReadonlyArray<{ readonly _tag: string }>
}

/** A stream's state folded by `decider`, and the version it was folded at. */
export const loadState = Effect.fnUntraced(function*<C, E extends { readonly _tag: string }, S>(
  decider: Decider<C, E, S>,
  stream: string
) {
  const store = yield* EventStore
  const slice = yield* store.readStream(stream)
  let state = decider.initialState
  for (const recorded of slice.events) {
    // A stream holds only the events of its aggregate's decider.
    state = decider.evolve(state, (yield* decodeEvent(recorded)) as unknown as E)
  }
  return { state, version: slice.version }
})

/**
 * Runs `command` against the stream's current state: the change to append (expecting the version
 * the decision saw, so a concurrent writer makes the append conflict) or the decider's refusal.
 */
export const decideOn = Effect.fnUntraced(function*<C, E extends { readonly _tag: string }, S>(
  decider: Decider<C, E, S>,
  stream: string,
  command: C
) {
  const { state, version } = yield* loadState(decider, stream)
  return Result.map(decider.decide(command, state), (events): StreamChange => ({
    stream,
    expected: ExpectedVersion.Exact(version),
    events
  }))
})
