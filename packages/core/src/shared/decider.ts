import type { Result } from "effect"
import type { Rejected } from "./rejected.ts"

/**
 * An aggregate's rules as two pure functions (Emmett's shape): `decide` turns a command and the
 * current state into new events or a rejection; `evolve` folds one event into the state.
 * Time and ids arrive inside commands, so both functions stay deterministic.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State
  readonly decide: (command: Command, state: State) => Result.Result<ReadonlyArray<Event>, Rejected>
  readonly evolve: (state: State, event: Event) => State
}

/** The state after folding `events` from the decider's initial state. */
export const fold = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<Event>
): State => {
  let state = decider.initialState
  for (const event of events) state = decider.evolve(state, event)
  return state
}
