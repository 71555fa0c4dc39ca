import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import type Database from "better-sqlite3"
import { Effect } from "effect"
import { ExpectedVersion, Start } from "@csm/core"
import { openDatabase } from "../sqlite/connection.ts"
import { makeSqliteEventStore } from "../sqlite/sqlite-event-store.ts"
import { newEvents } from "./bench-events.ts"
import { rawSqlite } from "./raw-sqlite.ts"
import type { Workload } from "./run-bench.ts"

/**
 * The workloads of STORE.md §5, each on the raw driver and on the adapter. Preparing a run (a
 * fresh database file, new event ids) is untimed; the function it returns is the timed part.
 */

const directory = mkdtempSync(join(tmpdir(), "csm-sqlite-bench-"))
// Closed at the end, not in a timed run: closing checkpoints the WAL into the database file.
const opened: Array<Database.Database> = []

export const cleanUp = (): void => {
  for (const db of opened) db.close()
  rmSync(directory, { recursive: true, force: true })
}

/** A fresh store file with the adapter's schema and settings. */
const freshDatabase = (): Database.Database => {
  const db = openDatabase(join(directory, `bench-${opened.length + 1}.db`), 5_000)
  opened.push(db)
  return db
}

const adapterOf = (db: Database.Database) => Effect.runSync(makeSqliteEventStore(db))

const singleAppends = 2_000
const batches = 100
const batchSize = 100

const single: Workload = {
  name: "1-event appends, a new stream each",
  events: singleAppends,
  raw: () => {
    const db = freshDatabase()
    const raw = rawSqlite(db)
    const events = newEvents(singleAppends)
    return (record) => {
      for (const [index, event] of events.entries()) {
        const start = performance.now()
        raw.append(`bench-${index}`, 0, [event])
        record(performance.now() - start)
      }
    }
  },
  adapter: () => {
    const db = freshDatabase()
    const store = adapterOf(db)
    const events = newEvents(singleAppends)
    return (record) =>
      Effect.runPromise(Effect.gen(function*() {
        for (const [index, event] of events.entries()) {
          const start = performance.now()
          yield* store.append(`bench-${index}`, [event], ExpectedVersion.NoStream)
          record(performance.now() - start)
        }
      }))
  }
}

const batched: Workload = {
  name: "100-event batches into one stream",
  events: batches * batchSize,
  raw: () => {
    const db = freshDatabase()
    const raw = rawSqlite(db)
    const events = newEvents(batches * batchSize)
    return () => {
      for (let batch = 0; batch < batches; batch++) {
        raw.append("bench", batch * batchSize, events.slice(batch * batchSize, (batch + 1) * batchSize))
      }
    }
  },
  adapter: () => {
    const db = freshDatabase()
    const store = adapterOf(db)
    const events = newEvents(batches * batchSize)
    return () =>
      Effect.runPromise(Effect.gen(function*() {
        for (let batch = 0; batch < batches; batch++) {
          const slice = events.slice(batch * batchSize, (batch + 1) * batchSize)
          yield* store.append("bench", slice, ExpectedVersion.Exact(batch * batchSize))
        }
      }))
  }
}

/** The read workloads share one file: a 10k-event stream among 10k events of 100 other streams. */
const readDatabase = (() => {
  let db: Database.Database | undefined
  return () => {
    if (db) return db
    db = freshDatabase()
    const raw = rawSqlite(db)
    const events = newEvents(20_000)
    for (let batch = 0; batch < 100; batch++) {
      raw.append("big", batch * 100, events.slice(batch * 100, (batch + 1) * 100))
      raw.append(`small-${batch}`, 0, events.slice(10_000 + batch * 100, 10_000 + (batch + 1) * 100))
    }
    return db
  }
})()

const streamReads = 5
const logReads = 3

const streamRead: Workload = {
  name: "read one 10k-event stream",
  events: streamReads * 10_000,
  raw: () => {
    const raw = rawSqlite(readDatabase())
    return () => {
      for (let read = 0; read < streamReads; read++) raw.readStream("big")
    }
  },
  adapter: () => {
    const store = adapterOf(readDatabase())
    return () =>
      Effect.runPromise(Effect.gen(function*() {
        for (let read = 0; read < streamReads; read++) yield* store.readStream("big")
      }))
  }
}

const logRead: Workload = {
  name: "read the global log in pages of 1,000",
  events: logReads * 20_000,
  raw: () => {
    const raw = rawSqlite(readDatabase())
    return () => {
      for (let read = 0; read < logReads; read++) raw.readLog(1_000)
    }
  },
  adapter: () => {
    const store = adapterOf(readDatabase())
    return () =>
      Effect.runPromise(Effect.gen(function*() {
        for (let read = 0; read < logReads; read++) {
          for (let after = Start, atEnd = false; !atEnd;) {
            const page = yield* store.readAll(after, 1_000)
            after = page.next
            atEnd = page.atEnd
          }
        }
      }))
  }
}

export const workloads: ReadonlyArray<Workload> = [single, batched, streamRead, logRead]
