/** Where a folded event sits in the log. */
export interface RecordedMeta {
  readonly stream: string
  readonly version: number
  readonly recordedAt: string
}

/**
 * A read model folded from the global log. `apply` updates the state in place: the read models
 * hold up to a million rows and fold a million events at start-up, where copying immutable
 * maps per event would dominate. Only the projection runner calls `apply`, one event at a time;
 * everyone else reads.
 */
export interface Projection<State, Event> {
  readonly init: () => State
  readonly apply: (state: State, event: Event, meta: RecordedMeta) => void
}
