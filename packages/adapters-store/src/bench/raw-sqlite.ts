import type Database from "better-sqlite3"
import type { NewEvent } from "@csm/core"

/**
 * The baseline of STORE.md §5: the raw driver doing the least each workload needs, with the
 * store's schema and settings: a version check and inserts in one `BEGIN IMMEDIATE`
 * transaction, and plain selects whose JSON is parsed.
 */
export const rawSqlite = (db: Database.Database) => {
  const streamVersion = db.prepare<[string], number>("SELECT version FROM streams WHERE name = ?").pluck()
  const saveStream = db.prepare<[string, number]>(
    "INSERT INTO streams (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version"
  )
  const insertEvent = db.prepare<[string, number, string, string, number, string, string, string]>(
    `INSERT INTO events (stream, version, event_id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const columns = "position, stream, version, event_id, type, schema_version, data, metadata, recorded_at"
  const streamEvents = db.prepare<[string], RawRow>(`SELECT ${columns} FROM events WHERE stream = ? ORDER BY version`)
  const logEvents = db.prepare<[number, number], RawRow>(
    `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`
  )

  const append = db.transaction((stream: string, expected: number, events: ReadonlyArray<NewEvent>) => {
    const actual = streamVersion.get(stream) ?? 0
    if (actual !== expected) throw new Error(`${stream} is at ${actual}, not ${expected}`)
    saveStream.run(stream, actual + events.length)
    const recordedAt = new Date().toISOString()
    for (const [offset, event] of events.entries()) {
      const { data, id, metadata, schemaVersion, type } = event
      insertEvent.run(stream, actual + 1 + offset, id, type, schemaVersion, JSON.stringify(data), JSON.stringify(metadata), recordedAt)
    }
  })

  return {
    append: (stream: string, expected: number, events: ReadonlyArray<NewEvent>): void => append.immediate(stream, expected, events),
    readStream: (stream: string) => streamEvents.all(stream).map(parsed),
    /** The whole log, page by page; the number of events. */
    readLog: (pageSize: number): number => {
      let count = 0
      for (let after = 0, page = logEvents.all(after, pageSize); page.length > 0; page = logEvents.all(after, pageSize)) {
        count += page.map(parsed).length
        after = page[page.length - 1].position
      }
      return count
    }
  }
}

interface RawRow {
  readonly position: number
  readonly stream: string
  readonly version: number
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly metadata: string
  readonly recorded_at: string
}

const parsed = (row: RawRow) => ({ ...row, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) })
