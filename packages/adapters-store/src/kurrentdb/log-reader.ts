import { BACKWARDS, END, START } from "@kurrent/kurrentdb-client"
import { Effect } from "effect"
import type { Checkpoint, LogPage, RecordedEvent, StoreUnavailable } from "@csm/core"
import { isStoreEvent, recordedOf } from "./event-record.ts"
import type { KurrentClient } from "./kurrent-client.ts"
import { readFailure } from "./kurrent-failure.ts"
import { isAfter, logStartOf } from "./log-position.ts"
import type { LogStart } from "./log-position.ts"

/**
 * Page reads of `$all`, showing only the store's events. The filtering happens here rather than
 * on the server, so that "the server returned fewer records than asked" still means "the log
 * ends here"; and records at or before the start are dropped, whether or not the server
 * repeats the one at `fromPosition`.
 */

/** An iterable's items, read to the end; stops early when interrupted. */
export const collect = <A>(read: () => AsyncIterable<A>): Effect.Effect<Array<A>, unknown> =>
  Effect.tryPromise({
    try: async (signal) => {
      const items: Array<A> = []
      for await (const item of read()) {
        if (signal.aborted) break
        items.push(item)
      }
      return items
    },
    catch: (error) => error
  })

/** The position of the log's last record (a system one, maybe), or the start of an empty log. */
export const logHead = (client: KurrentClient): Effect.Effect<LogStart, StoreUnavailable> =>
  collect(() => client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })).pipe(
    Effect.map((resolved) => resolved[0]?.event?.position ?? START),
    Effect.catch(readFailure)
  )

export interface ScannedPage {
  readonly page: LogPage
  /** The last record read, shown or not: nothing up to it is left to see. */
  readonly scanned: LogStart
}

/** Up to `size` of the store's events strictly after `after` (never `end`: resolve it first). */
export const scanLog = (client: KurrentClient, after: Checkpoint, size: number): Effect.Effect<ScannedPage, StoreUnavailable> =>
  Effect.gen(function*() {
    const events: Array<RecordedEvent> = []
    let cursor = logStartOf(after)
    for (;;) {
      // One event more than the page tells whether the page ends the log; one record more
      // than that, in case the server repeats the record at the cursor.
      const wanted = size + 2 - events.length
      const resolved = yield* collect(() => client.readAll({ fromPosition: cursor, maxCount: wanted })).pipe(Effect.catch(readFailure))
      const start = cursor
      const fresh = resolved.flatMap(({ event }) => event && isAfter(event.position, start) ? [event] : [])
      for (const record of fresh) if (isStoreEvent(record)) events.push(recordedOf(record))
      if (fresh.length > 0) cursor = fresh[fresh.length - 1].position
      if (events.length > size) {
        const shown = events.slice(0, size)
        return { page: { events: shown, next: shown[size - 1].checkpoint, atEnd: false }, scanned: cursor }
      }
      if (resolved.length < wanted) {
        const next = events.length > 0 ? events[events.length - 1].checkpoint : after
        return { page: { events, next, atEnd: true }, scanned: cursor }
      }
    }
  })
