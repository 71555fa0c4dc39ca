import type Database from "better-sqlite3"
import type { EventRow, EventValues } from "./event-row.ts"
import { eventColumns } from "./event-row.ts"

/** What the store does with a prepared statement (the driver's own type cannot be named in declarations). */
export interface Statement<Params extends Array<unknown>, Row = never> {
  readonly run: (...params: Params) => Database.RunResult
  readonly get: (...params: Params) => Row | undefined
  readonly all: (...params: Params) => Array<Row>
}

/** Every statement the store runs, prepared once when it opens. */
export const prepareStatements = (db: Database.Database) => {
  const rows = <Params extends Array<unknown>, Row = never>(sql: string): Statement<Params, Row> =>
    db.prepare<Params, Row>(sql)
  const value = <Params extends Array<unknown>, Value>(sql: string): Statement<Params, Value> =>
    db.prepare<Params, Value>(sql).pluck()
  const tuples = <Params extends Array<unknown>, Tuple extends Array<unknown>>(sql: string): Statement<Params, Tuple> =>
    db.prepare<Params, Tuple>(sql).raw()
  return {
    streamVersion: value<[stream: string], number>("SELECT version FROM streams WHERE name = ?"),
    // One statement for a whole batch's ids, given as a JSON array: far cheaper than one per id.
    storedVersions: tuples<[stream: string, eventIds: string], [eventId: string, version: number]>(
      "SELECT event_id, version FROM events WHERE stream = ? AND event_id IN (SELECT value FROM json_each(?))"
    ),
    saveStream: rows<[stream: string, version: number]>(
      "INSERT INTO streams (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version"
    ),
    insertEvent: rows<EventValues>(
      `INSERT INTO events (stream, version, event_id, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    streamEvents: tuples<[stream: string, from: number, to: number], EventRow>(
      `SELECT ${eventColumns} FROM events WHERE stream = ? AND version BETWEEN ? AND ? ORDER BY version`
    ),
    logEvents: tuples<[after: number, limit: number], EventRow>(
      `SELECT ${eventColumns} FROM events WHERE position > ? ORDER BY position LIMIT ?`
    ),
    head: value<[], number>("SELECT coalesce(max(position), 0) FROM events"),
    loadCheckpoint: rows<[consumer: string], { readonly checkpoint: string; readonly token: string }>(
      "SELECT checkpoint, token FROM checkpoints WHERE consumer = ?"
    ),
    insertCheckpoint: rows<[consumer: string, checkpoint: string, token: string]>(
      "INSERT INTO checkpoints (consumer, checkpoint, token) VALUES (?, ?, ?) ON CONFLICT (consumer) DO NOTHING"
    ),
    updateCheckpoint: rows<[checkpoint: string, token: string, consumer: string, expectedToken: string]>(
      "UPDATE checkpoints SET checkpoint = ?, token = ? WHERE consumer = ? AND token = ?"
    )
  }
}

export type Statements = ReturnType<typeof prepareStatements>
