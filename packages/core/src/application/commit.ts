import { Effect, Schedule } from "effect"
import { uuidV7 } from "../store/event-ids.ts"
import { EventStore } from "../store/event-store.ts"
import type { AppendError, AppendRequest, Unsupported } from "../store/event-store.ts"
import { domainCodec } from "./domain-events.ts"
import { ReadModels } from "./read-models.ts"
import type { StreamChange } from "./stream-change.ts"

/** Who caused a write; stored as the events' metadata. */
export type Metadata = Readonly<Record<string, string>>

/**
 * Appends the changes of one request atomically (one `appendMany`), then folds them into the read
 * models, so the answer that follows reflects the write. Event ids are drawn once, before the
 * retry, so a retry after a lost acknowledgement is recognised as a duplicate (STORE.md §2).
 */
export const commit = Effect.fnUntraced(function*(changes: ReadonlyArray<StreamChange>, metadata: Metadata) {
  const store = yield* EventStore
  const requests: Array<AppendRequest> = []
  for (const change of changes) {
    if (change.events.length === 0) continue
    const events = []
    for (const event of change.events) {
      events.push({ id: yield* uuidV7, ...domainCodec.encode(event), metadata })
    }
    requests.push({ stream: change.stream, expected: change.expected, events })
  }
  const [only, ...more] = requests
  if (only !== undefined) {
    // A single stream needs no multi-stream support from the store.
    const append: Effect.Effect<unknown, AppendError | Unsupported> = more.length === 0
      ? store.append(only.stream, only.events, only.expected)
      : store.appendMany(requests)
    yield* append.pipe(Effect.retry({ while: (error) => error._tag === "StoreUnavailable", schedule: storeBackoff, times: 5 }))
  }
  return yield* (yield* ReadModels).catchUp
})

const storeBackoff = Schedule.exponential("50 millis")

/**
 * Runs a decide-and-commit program again when another writer got to one of its streams first:
 * the program reloads the streams and decides on what is there now.
 */
export const retryOnConflict = <A, E extends { readonly _tag: string }, R>(program: Effect.Effect<A, E, R>) =>
  program.pipe(Effect.retry({ while: (error) => error._tag === "ConcurrencyConflict", times: 10 }))
