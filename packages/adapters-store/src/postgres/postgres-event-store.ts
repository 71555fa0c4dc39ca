import { PgClient } from "@effect/sql-pg"
import { Clock, Effect, Layer, Queue, Redacted, Stream } from "effect"
import type { Duration } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import type { AppendRequest, Checkpoint, EncodedEvent, ReadStreamOptions, StreamSlice } from "@csm/core"
import { DefaultMaxBatchBytes, End, EventStore, followLog, pageSize, validatedAppends } from "@csm/core"
import { makeAppendCall } from "./append-call.ts"
import { makeCheckpoints } from "./checkpoints.ts"
import { eventColumns, toRecorded } from "./event-row.ts"
import { logCheckpoint, logPositionOf } from "./log-checkpoint.ts"
import { migrate } from "./migrations.ts"
import { makeNotifier } from "./notifier.ts"
import { attempt } from "./postgres-failure.ts"

/**
 * The PostgreSQL event store (STORE.md §3.2), for scale-out: several servers on one database.
 * A successful append is one round trip (append-call.ts); the global log is ordered by the
 * writers' transaction ids and read only below the oldest running one, so that a slow writer's
 * events never land behind a checkpoint a reader already passed.
 */

export interface PostgresEventStoreOptions {
  /** A connection string, `postgres://user:password@host:port/database`. */
  readonly url: string
  /** The schema holding the store's tables, created if absent ("public" by default). */
  readonly schema?: string
  /** How often an idle subscriber reads even without a notification (500 ms by default). */
  readonly pollInterval?: Duration.Input
  /** The JSON budget of one batch (1 MiB by default). */
  readonly maxBatchBytes?: number
  /** The pool's size (10 by default); each running subscription holds one connection for its LISTEN. */
  readonly maxConnections?: number
}

/** The oldest transaction still running: every row of an older one is committed or gone for good. */
const visibleTxIds = "tx_id < pg_snapshot_xmin(pg_current_snapshot())"

export const makePostgresEventStore = (client: PgClient.PgClient, options: Omit<PostgresEventStoreOptions, "url">) =>
  Effect.gen(function*() {
    const clock = yield* Clock.Clock
    const schema = options.schema ?? "public"
    const maxBatchBytes = options.maxBatchBytes ?? DefaultMaxBatchBytes
    const pollInterval = options.pollInterval ?? 500
    // One channel for every schema (a name per schema could exceed PostgreSQL's 63 bytes): a
    // store sharing the database with others only gets spurious wake-ups, each an empty read.
    const channel = "csm_events"
    yield* attempt(migrate(client, schema))
    const appendCall = makeAppendCall(client)
    const notifier = yield* makeNotifier(client, channel, schema)

    const write = (requests: ReadonlyArray<AppendRequest>, batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>) =>
      Effect.tap(
        appendCall(requests, batches, new Date(clock.currentTimeMillisUnsafe()).toISOString()),
        (results) => results.some((result) => !result.duplicate) ? notifier.signal : Effect.void
      )

    const readStream = Effect.fnUntraced(function*(stream: string, { from = 1, maxCount, to }: ReadStreamOptions = {}) {
      const found = yield* attempt(client.unsafe("SELECT version FROM streams WHERE name = $1", [stream]).values)
      if (found.length === 0) return { exists: false, version: 0, events: [] } satisfies StreamSlice
      const version = Number(found[0][0])
      const first = Math.max(from, 1)
      const last = Math.min(to ?? version, version, maxCount === undefined ? version : first + maxCount - 1)
      const rows = last < first ? [] : yield* attempt(
        client.unsafe(
          `SELECT ${eventColumns} FROM events WHERE stream = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
          [stream, first, last]
        ).values
      )
      return { exists: true, version, events: rows.map(toRecorded) } satisfies StreamSlice
    })

    /** `end`: just below the oldest running transaction, whose events, and all later ones, come after it. */
    const endCheckpoint = Effect.map(
      attempt(client.unsafe("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").values),
      (rows) => logCheckpoint({ txId: String(rows[0][0]), position: "0" })
    )

    const readAll = (after: Checkpoint, limit?: number) =>
      Effect.gen(function*() {
        const size = pageSize(limit)
        const { position, txId } = logPositionOf(after === End ? yield* endCheckpoint : after)
        // One row more than asked tells whether the page ends the log. ORDER BY names the table's
        // columns, not the selected text of the same names.
        const rows = yield* attempt(
          client.unsafe(
            `SELECT ${eventColumns} FROM events
             WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND ${visibleTxIds}
             ORDER BY events.tx_id, events.position LIMIT $3`,
            [txId, position, size + 1]
          ).values
        )
        const atEnd = rows.length <= size
        const events = (atEnd ? rows : rows.slice(0, size)).map(toRecorded)
        return { events, next: events.length > 0 ? events[events.length - 1].checkpoint : after, atEnd }
      })

    const subscribe = (from: Checkpoint) =>
      Stream.unwrap(Effect.gen(function*() {
        // Listening before the first read, so that no commit after it goes unnoticed.
        const notifications = yield* attempt(client.listen(channel))
        return followLog({
          from: from === End ? endCheckpoint : Effect.succeed(from),
          readAll: (after) => readAll(after),
          // A notification only wakes the reader; the xmin-filtered read decides what is visible.
          awaitChange: () =>
            Effect.flatMap(attempt(Queue.clear(notifications)), (pending) =>
              pending.length > 0
                ? Effect.void
                : Effect.race(Effect.asVoid(attempt(Queue.take(notifications))), Effect.sleep(pollInterval)))
        })
      }))

    return EventStore.of({
      capabilities: { multiStreamAppend: true, strictEventIds: true },
      ...validatedAppends(write, maxBatchBytes),
      readStream,
      readAll,
      subscribe,
      checkpoints: makeCheckpoints(client)
    })
  })

/** A pooled client whose sessions see the store's schema. */
export const connectPostgres = (options: Pick<PostgresEventStoreOptions, "url" | "schema" | "maxConnections">) =>
  PgClient.make({
    url: Redacted.make(options.url),
    startupParameters: { search_path: options.schema ?? "public" },
    maxConnections: options.maxConnections ?? 10
  }).pipe(Effect.provide(Reactivity.layer))

export const PostgresEventStore = {
  /** Connects, and creates or migrates the schema, when built; closes the pool when released. */
  layer: (options: PostgresEventStoreOptions) =>
    Layer.effect(
      EventStore,
      Effect.flatMap(attempt(connectPostgres(options)), (client) => makePostgresEventStore(client, options))
    )
}
