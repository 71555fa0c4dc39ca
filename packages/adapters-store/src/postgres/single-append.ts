import type { AppendRequest, EncodedEvent } from "@csm/core"

/**
 * The common append — one request that writes — as one plain SQL statement: `csm_append`'s
 * PL/pgSQL costs about a third more server time per single-event append than the insert alone
 * (docs/benchmarks.md, issue 7). The statement only ever writes what the full rules would write;
 * whenever it cannot tell, it writes nothing and the caller runs `csm_append`:
 *
 * - It first takes the stream's advisory lock, as `csm_append` does, so that appends to a stream
 *   get their xids in the order they hold it (STORE.md §3.2): the streams row is only written
 *   once the lock's one-row CTE has produced its row.
 * - The version check is the upsert's or update's own, which sees the latest committed row even
 *   though the statement's snapshot predates the lock. A mismatch writes nothing and returns no
 *   row: a conflict, or a retry that rule 2 must call a duplicate (`NoStream`, `Exact`), or a
 *   stream created after the snapshot, which the update does not see.
 * - An id stored already (rule 2 under `Any`/`StreamExists`, or rule 4) fails the events' unique
 *   index, which undoes the whole statement.
 *
 * So a returned row means every rule let the batch through; then the events hold versions
 * `actual + 1 …`.
 */

const locked = "WITH locked AS (SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0)))"

// ORDER BY: positions follow the batch's order. The insert runs although nothing reads it.
const writeEvents = `written AS (
  INSERT INTO events (stream, version, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT $1, moved.actual + x.ord::integer, (x.event->>'id')::uuid, x.event->>'type',
         (x.event->>'schemaVersion')::integer, x.event->'data', x.event->'metadata', $3
    FROM moved, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(event, ord)
    ORDER BY x.ord
)
SELECT actual FROM moved`

/** `NoStream`, `Exact(0)`, `Any`: a missing stream is created; an existing one moves only under `Any` ($5). */
const createOrMove = `${locked},
moved AS (
  INSERT INTO streams (name, version) SELECT $1, $4::integer FROM locked
  ON CONFLICT (name) DO UPDATE SET version = streams.version + excluded.version WHERE $5::boolean
  RETURNING version - $4::integer AS actual
),
${writeEvents}`

/** `StreamExists`, `Exact(v ≥ 1)`: an existing stream moves, from version $5 when given. */
const move = `${locked},
moved AS (
  UPDATE streams SET version = streams.version + $4::integer FROM locked
   WHERE name = $1 AND streams.version = coalesce($5::bigint, streams.version)
  RETURNING version - $4::integer AS actual
),
${writeEvents}`

/** The events as the statement takes them; data and metadata are encoded JSON already. */
export const eventsJson = (batch: ReadonlyArray<EncodedEvent>): string =>
  `[${
    batch.map(({ data, id, metadata, schemaVersion, type }) =>
      `{"id":${JSON.stringify(id)},"type":${JSON.stringify(type)},"schemaVersion":${schemaVersion},` +
      `"data":${data},"metadata":${metadata}}`
    ).join(",")
  }]`

/** The statement for `request` and its parameters. */
export const singleAppend = (
  { expected, stream }: AppendRequest,
  batch: ReadonlyArray<EncodedEvent>,
  recordedAt: string
): { readonly statement: string; readonly params: ReadonlyArray<unknown> } => {
  const common = [stream, eventsJson(batch), recordedAt, batch.length]
  switch (expected._tag) {
    case "NoStream":
    case "Any":
      return { statement: createOrMove, params: [...common, expected._tag === "Any"] }
    case "StreamExists":
      return { statement: move, params: [...common, null] }
    case "Exact":
      return expected.version === 0
        ? { statement: createOrMove, params: [...common, false] }
        : { statement: move, params: [...common, expected.version] }
  }
}
