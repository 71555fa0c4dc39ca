import type Database from "better-sqlite3"

/**
 * The schema of STORE.md §3.1 as numbered migrations: migration n brings the database from
 * `user_version` n − 1 to n. Append new ones; never edit one that has shipped.
 */
const migrations: ReadonlyArray<string> = [
  `CREATE TABLE streams (
     name TEXT PRIMARY KEY,
     version INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE events (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     stream TEXT NOT NULL REFERENCES streams (name),
     version INTEGER NOT NULL,
     event_id TEXT NOT NULL,
     type TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     data TEXT NOT NULL,
     metadata TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     UNIQUE (stream, version),
     UNIQUE (stream, event_id)
   );
   CREATE TABLE checkpoints (
     consumer TEXT PRIMARY KEY,
     checkpoint TEXT NOT NULL,
     token TEXT NOT NULL
   ) WITHOUT ROWID;`
]

const versionOf = (db: Database.Database): number => Number(db.pragma("user_version", { simple: true }))

/** Runs the pending migrations, each in a write transaction, so that two processes opening at once agree. */
export const migrate = (db: Database.Database): void => {
  if (versionOf(db) >= migrations.length) return
  db.transaction(() => {
    for (let version = versionOf(db); version < migrations.length; version++) {
      db.exec(migrations[version])
      db.pragma(`user_version = ${version + 1}`)
    }
  }).immediate()
}
