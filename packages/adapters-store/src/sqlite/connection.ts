import Database from "better-sqlite3"
import { migrate } from "./migrations.ts"

/**
 * Opens the store's database file with the settings of STORE.md §3.1 and brings its schema up
 * to date. Synchronous and throwing, like the driver: callers wrap it.
 */
export const openDatabase = (filename: string, busyTimeout: number): Database.Database => {
  const db = new Database(filename)
  try {
    db.pragma(`busy_timeout = ${busyTimeout}`)
    db.pragma("journal_mode = WAL")
    // FULL makes each commit durable; NORMAL could lose the last ones on power loss.
    db.pragma("synchronous = FULL")
    db.pragma("foreign_keys = ON")
    migrate(db)
    return db
  } catch (cause) {
    db.close()
    throw cause
  }
}
