import { Effect } from "effect"
import type { PgClient } from "@effect/sql-pg"
import type { NewEvent } from "@csm/core"

/**
 * The baseline of STORE.md §5 on PostgreSQL: the adapter's own client sending the least SQL each
 * workload needs, on the store's schema. An append is one statement, so one round trip as the
 * adapter's: it moves the stream's version only if it is the expected one, and inserts the
 * events only if it did. Reads are the adapter's selects, their JSON parsed.
 */
export const rawPostgres = (client: PgClient.PgClient) => {
  const columns = "tx_id::text, position::text, stream, version, event_id::text, type, schema_version, data::text, metadata::text, recorded_at"
  const parsed = (rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
    rows.map((row) => ({ row, data: JSON.parse(String(row[7])), metadata: JSON.parse(String(row[8])) }))

  return {
    append: (stream: string, expected: number, events: ReadonlyArray<NewEvent>) =>
      Effect.flatMap(
        client.unsafe(
          `WITH moved AS (
             INSERT INTO streams (name, version) VALUES ($1, $2::integer + $3::integer)
             ON CONFLICT (name) DO UPDATE SET version = excluded.version WHERE streams.version = $2::integer
             RETURNING name
           )
           INSERT INTO events (stream, version, event_id, type, schema_version, data, metadata, recorded_at)
           SELECT moved.name, $2::integer + x.ord::integer, (x.event->>'id')::uuid, x.event->>'type',
                  (x.event->>'schemaVersion')::integer, x.event->'data', x.event->'metadata', $5
             FROM moved, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS x(event, ord)
             ORDER BY x.ord`,
          [stream, expected, events.length, JSON.stringify(events), new Date().toISOString()]
        ).raw,
        () => Effect.void
      ),
    readStream: (stream: string) =>
      Effect.map(
        client.unsafe(`SELECT ${columns} FROM events WHERE stream = $1 ORDER BY events.version`, [stream]).values,
        parsed
      ),
    /** The whole log through the adapter's page query; the number of events. */
    readLog: (pageSize: number) =>
      Effect.gen(function*() {
        let count = 0
        for (let after = ["0", "0"];;) {
          const page = yield* client.unsafe(
            `SELECT ${columns} FROM events
             WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY events.tx_id, events.position LIMIT $3`,
            [after[0], after[1], pageSize]
          ).values
          if (page.length === 0) return count
          count += parsed(page).length
          const last = page[page.length - 1]
          after = [String(last[0]), String(last[1])]
        }
      })
  }
}
