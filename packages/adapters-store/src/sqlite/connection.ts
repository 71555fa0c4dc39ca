import Database from "better-sqlite3"
import { migrate } from "./migrations.ts"

/**
 * Opens the store's database file with the settings of STORE.md §3.1 and brings its schema up
 * to date. Synchronous and throwing, like the driver: callers wrap it. `exclusive` takes the
 * file's lock at once and keeps it until the database closes: no other process can open it.
 */
export const openDatabase = (filename: string, busyTimeout: number, exclusive = false): Database.Database => {
  const db = new Database(filename)
  try {
    db.pragma(`busy_timeout = ${busyTimeout}`)
    // Before WAL, so that the WAL index lives in this process's memory rather than a shared file.
    if (exclusive) db.pragma("locking_mode = EXCLUSIVE")
    db.pragma("journal_mode = WAL")
    // In exclusive locking mode a lock, once taken, is kept: an empty write transaction takes it.
    if (exclusive) db.exec("BEGIN EXCLUSIVE; COMMIT")
    // FULL makes each commit durable; NORMAL could lose the last ones on power loss.
    db.pragma("synchronous = FULL")
    db.pragma("foreign_keys = ON")
    migrate(db)
    return db
  } catch (cause) {
    db.close()
    if (exclusive && cause instanceof Database.SqliteError && cause.code === "SQLITE_BUSY") {
      throw new Error("another process has it open (one server per SQLite store; several servers share a PostgreSQL store)")
    }
    throw cause
  }
}
