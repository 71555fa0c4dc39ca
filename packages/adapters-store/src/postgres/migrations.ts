import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { appendFunction, writeFunction } from "./append-function.ts"

/**
 * The schema of STORE.md §3.2 as numbered migrations, each a list of statements: migration n
 * brings the schema from version n − 1 to n. Append new ones; never edit one that has shipped.
 * The functions are the exception: each is created with `CREATE OR REPLACE` from its current
 * text, so every migration that names one installs the same, latest version.
 */
const migrations: ReadonlyArray<ReadonlyArray<string>> = [
  [
    `CREATE TABLE streams (
       name text PRIMARY KEY,
       version integer NOT NULL
     )`,
    // tx_id orders the global log (see log-checkpoint.ts): the writer's xid, taken at insert.
    `CREATE TABLE events (
       position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
       stream text NOT NULL REFERENCES streams (name),
       version integer NOT NULL,
       event_id uuid NOT NULL,
       type text NOT NULL,
       schema_version integer NOT NULL,
       data jsonb NOT NULL,
       metadata jsonb NOT NULL,
       recorded_at text NOT NULL,
       UNIQUE (stream, version),
       UNIQUE (stream, event_id)
     )`,
    "CREATE INDEX events_log ON events (tx_id, position)",
    `CREATE TABLE checkpoints (
       consumer text PRIMARY KEY,
       checkpoint text NOT NULL,
       token bigint NOT NULL
     )`,
    writeFunction,
    appendFunction
  ],
  // The functions as they are now: csm_write set-based, with new parameters; csm_append
  // collecting its results in arrays. Later changes to them replace them the same way.
  ["DROP FUNCTION IF EXISTS csm_write(jsonb, jsonb, text)", writeFunction, appendFunction]
]

const quoted = (identifier: string) => `"${identifier.replaceAll("\"", "\"\"")}"`

/**
 * Creates the schema if absent and runs the pending migrations, in one transaction under an
 * advisory lock, so that servers starting at once agree. The connections' `search_path` names
 * the schema, so the statements need no qualification.
 */
export const migrate = (sql: SqlClient, schema: string): Effect.Effect<void, SqlError> =>
  sql.withTransaction(Effect.gen(function*() {
    yield* sql.unsafe("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`csm-migrate:${schema}`])
    yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${quoted(schema)}`)
    yield* sql.unsafe(`CREATE TABLE IF NOT EXISTS ${quoted(schema)}.migrations (version integer NOT NULL)`)
    const rows = yield* sql.unsafe(`SELECT coalesce(max(version), 0)::int FROM ${quoted(schema)}.migrations`).values
    for (let version = Number(rows[0][0]); version < migrations.length; version++) {
      for (const statement of migrations[version]) yield* sql.unsafe(statement)
      yield* sql.unsafe(`INSERT INTO ${quoted(schema)}.migrations (version) VALUES ($1)`, [version + 1])
    }
  }))
