import type Database from "better-sqlite3"
import { Clock, Effect, Layer } from "effect"
import type { Duration } from "effect"
import type { AppendRequest, Checkpoint, EncodedEvent, ReadStreamOptions, RecordedEvent, StreamSlice } from "@csm/core"
import {
  DefaultMaxBatchBytes,
  End,
  EventStore,
  followLog,
  pageSize,
  sequenceCheckpoint,
  sequenceOf,
  validatedAppends
} from "@csm/core"
import { makeAppendTransaction } from "./append-transaction.ts"
import { makeCheckpoints } from "./checkpoints.ts"
import { openDatabase } from "./connection.ts"
import { toRecorded } from "./event-row.ts"
import { attempt } from "./sqlite-failure.ts"
import { prepareStatements } from "./statements.ts"
import { makeWakeUp } from "./wake-up.ts"

/**
 * The SQLite event store (STORE.md §3.1), the embedded default: one database file, one process
 * writing to it. The driver is synchronous, so every call below runs to completion on the event
 * loop; long reads go page by page and let other fibers run in between.
 */

export interface SqliteEventStoreOptions {
  readonly filename: string
  /** How often an idle subscriber looks for events appended by other processes (500 ms by default). */
  readonly pollInterval?: Duration.Input
  /** How long an append waits for another process's write lock before `StoreUnavailable` (5,000 ms by default). */
  readonly busyTimeout?: number
  /** The JSON budget of one batch (1 MiB by default). */
  readonly maxBatchBytes?: number
  /**
   * Locks the file for as long as the store is open, so that no other process opens it: the
   * server's guard against a second server on the same store. Off by default.
   */
  readonly exclusive?: boolean
}

// Rows read between two yields to other fibers.
const rowsPerPage = 1_000

/** The store over a database that `openDatabase` opened; the caller closes it. */
export const makeSqliteEventStore = (db: Database.Database, options: Omit<SqliteEventStoreOptions, "filename"> = {}) =>
  Effect.gen(function*() {
    const clock = yield* Clock.Clock
    const maxBatchBytes = options.maxBatchBytes ?? DefaultMaxBatchBytes
    const statements = prepareStatements(db)
    const appendAll = makeAppendTransaction(db, statements)
    const wakeUp = makeWakeUp(options.pollInterval ?? 500)

    /** The position of the last event in the log. */
    const head = (): number => statements.head.get() ?? 0

    /** The position a checkpoint stands for; `end` is the current head. */
    const positionOf = (checkpoint: Checkpoint): number => sequenceOf(checkpoint, checkpoint === End ? head() : 0)

    const write = (requests: ReadonlyArray<AppendRequest>, batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>) =>
      Effect.tap(
        appendAll(requests, batches, new Date(clock.currentTimeMillisUnsafe()).toISOString()),
        (results) =>
          Effect.sync(() => {
            if (results.some((result) => !result.duplicate)) wakeUp.notify()
          })
      )

    const readStream = Effect.fnUntraced(function*(stream: string, { from = 1, maxCount, to }: ReadStreamOptions = {}) {
      const version = yield* attempt(() => statements.streamVersion.get(stream))
      if (version === undefined) return { exists: false, version: 0, events: [] } satisfies StreamSlice
      const first = Math.max(from, 1)
      const last = Math.min(to ?? version, version, maxCount === undefined ? version : first + maxCount - 1)
      const events: Array<RecordedEvent> = []
      for (let start = first; start <= last; start += rowsPerPage) {
        if (start > first) yield* Effect.yieldNow
        const rows = yield* attempt(() => statements.streamEvents.all(stream, start, Math.min(start + rowsPerPage - 1, last)))
        for (const row of rows) events.push(toRecorded(row))
      }
      return { exists: true, version, events } satisfies StreamSlice
    })

    const readAll = (after: Checkpoint, limit?: number) =>
      attempt(() => {
        const size = pageSize(limit)
        // One row more than asked tells whether the page ends the log.
        const rows = statements.logEvents.all(positionOf(after), size + 1)
        const atEnd = rows.length <= size
        if (!atEnd) rows.pop()
        const events = rows.map(toRecorded)
        return { events, next: events.length > 0 ? events[events.length - 1].checkpoint : after, atEnd }
      })

    // Events already there (committed by another process, or before the wait began) need no wake-up.
    const awaitChange = (after: Checkpoint) =>
      Effect.flatMap(attempt(() => head() > positionOf(after)), (changed) => changed ? Effect.void : wakeUp.wait)

    return EventStore.of({
      capabilities: { multiStreamAppend: true, strictEventIds: true },
      ...validatedAppends(write, maxBatchBytes),
      readStream,
      readAll,
      subscribe: (from) =>
        followLog({
          from: attempt(() => from === End ? sequenceCheckpoint(positionOf(End)) : from),
          // A page read blocks the event loop: let other fibers run before each.
          readAll: (after) => Effect.andThen(Effect.yieldNow, readAll(after)),
          awaitChange
        }),
      checkpoints: makeCheckpoints(statements)
    })
  })

export const SqliteEventStore = {
  /** Opens (and creates, and migrates) the file when built; closes it when released. */
  layer: (options: SqliteEventStoreOptions) =>
    Layer.effect(
      EventStore,
      Effect.flatMap(
        Effect.acquireRelease(
          attempt(() => openDatabase(options.filename, options.busyTimeout ?? 5_000, options.exclusive)),
          (db) => Effect.sync(() => db.close())
        ),
        (db) => makeSqliteEventStore(db, options)
      )
    )
}
