import { assert, describe, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { Effect, Exit, Layer, Queue, Scope, Stream } from "effect"
import type { AppendRequest, NewEvent } from "@csm/core"
import { End, EventStore, ExpectedVersion, uuidV7 } from "@csm/core"
import { check, failsWith, storeContractCases } from "@csm/core/testing"
import type { StoreContractHarness } from "@csm/core/testing"
import { SqliteEventStore } from "./sqlite-event-store.ts"
import type { SqliteEventStoreOptions } from "./sqlite-event-store.ts"
import { startWriter } from "./testing/writer-client.ts"

// Every case gets a real file of its own (WAL and locking behave differently in :memory:).
const directory = mkdtempSync(join(tmpdir(), "csm-sqlite-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
let files = 0
const freshFile = () => join(directory, `store-${++files}.db`)

/** A connection of the test's own, beside the store's. */
const withDatabase = <A>(filename: string, use: (db: Database.Database) => A): A => {
  const db = new Database(filename)
  try {
    return use(db)
  } finally {
    db.close()
  }
}

const lastId = (request: AppendRequest) => request.events[request.events.length - 1].id

/** The hooks of STORE.md §4 for the store in `filename`; `closeStore` closes the case's own connection. */
const harness = (filename: string, closeStore: Effect.Effect<void>): StoreContractHarness => ({
  capabilities: { multiStreamAppend: true, strictEventIds: true },
  appendFromOtherProcess: (request) =>
    startWriter(filename, request, "append").pipe(
      Effect.flatMap((writer) => writer.outcome),
      Effect.scoped,
      Effect.orDie,
      Effect.flatMap(Effect.fromResult)
    ),
  // The other process holds the write lock, so no append commits meanwhile.
  openAppend: {
    begin: (request) =>
      Effect.gen(function*() {
        const writer = yield* startWriter(filename, request, "hold")
        yield* writer.holding
        return { commit: Effect.andThen(writer.release, Effect.flatMap(writer.outcome, Effect.fromResult)) }
      }),
    concurrent: false
  },
  // A trigger fails the insert of the batch's last event, after the others went in.
  faultyAppend: (request) =>
    Effect.acquireUseRelease(
      Effect.sync(() =>
        withDatabase(filename, (db) =>
          db.exec(`CREATE TRIGGER fault AFTER INSERT ON events WHEN NEW.event_id = '${lastId(request)}'
                   BEGIN SELECT RAISE(ABORT, 'fault injected'); END`))
      ),
      () => Effect.flatMap(Effect.service(EventStore), (store) => store.append(request.stream, request.events, request.expected)),
      () => Effect.sync(() => withDatabase(filename, (db) => db.exec("DROP TRIGGER fault")))
    ),
  crash: {
    crashWriter: (request) =>
      Effect.scoped(Effect.gen(function*() {
        // As when a server dies: the killed writer is the only process with the file open, so
        // the next open runs SQLite's recovery.
        yield* closeStore
        const writer = yield* startWriter(filename, request, "hold")
        yield* writer.holding
        const walBytes = statSync(`${filename}-wal`).size
        yield* check(walBytes > 100 * 1024, `the held batch is in the WAL, uncommitted (${walBytes} bytes)`)
        yield* writer.kill
      })),
    reopen: (contractCheck) =>
      contractCheck.pipe(
        Effect.andThen(Effect.sync(() => withDatabase(filename, (db) => db.pragma("integrity_check", { simple: true })))),
        Effect.flatMap((integrity) => check(integrity === "ok", `integrity_check after the crash: ${integrity}`)),
        Effect.provide(SqliteEventStore.layer({ filename }))
      )
  }
})

const contract = (filename: string, closeStore: Effect.Effect<void>) => storeContractCases(harness(filename, closeStore))

describe("SqliteEventStore: the store contract", () => {
  for (const [index, listed] of contract("", Effect.void).entries()) {
    if ("skipReason" in listed) it.skip(`${listed.name} (${listed.skipReason})`, () => {})
    else {
      it.live(listed.name, () =>
        Effect.gen(function*() {
          const filename = freshFile()
          const scope = yield* Scope.make()
          const closeStore = Scope.close(scope, Exit.void)
          const store = yield* Layer.buildWithScope(SqliteEventStore.layer({ filename }), scope)
          const contractCase = contract(filename, closeStore)[index]
          if ("run" in contractCase) yield* contractCase.run.pipe(Effect.provide(store), Effect.ensuring(closeStore))
        }))
    }
  }
})

const newEvent = Effect.map(uuidV7, (id): NewEvent => ({ id, type: "Tested", schemaVersion: 1, data: { id }, metadata: {} }))

/** Runs `test` against a store on a fresh file, given that file's name. */
const withStore = <A, E>(
  options: Omit<SqliteEventStoreOptions, "filename">,
  test: (filename: string) => Effect.Effect<A, E, EventStore | Scope.Scope>
) => {
  const filename = freshFile()
  return test(filename).pipe(Effect.scoped, Effect.provide(SqliteEventStore.layer({ ...options, filename })))
}

/** A subscription from `end`, past its `CaughtUp`. */
const followFromEnd = Effect.gen(function*() {
  const store = yield* EventStore
  const items = yield* Stream.toQueue(store.subscribe(End), { capacity: "unbounded" })
  assert.strictEqual((yield* Queue.take(items))._tag, "CaughtUp")
  return Queue.take(items).pipe(Effect.timeout("10 seconds"))
})

describe("SqliteEventStore", () => {
  it.live("fails with StoreUnavailable when another writer keeps the lock past the busy timeout", () =>
    withStore({ busyTimeout: 50 }, (filename) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const events = [yield* newEvent]
        const blocker = yield* Effect.acquireRelease(
          Effect.sync(() => new Database(filename).exec("BEGIN IMMEDIATE")),
          (db) => Effect.sync(() => db.close())
        )
        const failure = yield* failsWith(store.append("busy", events, ExpectedVersion.NoStream), "StoreUnavailable")
        assert.strictEqual(failure.outcome, "not-written")
        blocker.exec("ROLLBACK")
        const retried = yield* store.append("busy", events, ExpectedVersion.NoStream)
        assert.deepStrictEqual([retried.lastVersion, retried.duplicate], [1, false])
      })))

  it.live("wakes subscribers at once after its own appends, without polling", () =>
    withStore({ pollInterval: "1 hour" }, () =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const next = yield* followFromEnd
        const event = yield* newEvent
        yield* store.append("local", [event], ExpectedVersion.NoStream)
        const item = yield* next
        assert.strictEqual(item._tag === "Event" && item.event.id, event.id)
      })))

  it.live("finds another process's appends by polling", () =>
    withStore({ pollInterval: 20 }, (filename) =>
      Effect.gen(function*() {
        const next = yield* followFromEnd
        const event = yield* newEvent
        const writer = yield* startWriter(filename, { stream: "remote", events: [event], expected: ExpectedVersion.NoStream }, "append")
        yield* writer.outcome
        const item = yield* next
        assert.strictEqual(item._tag === "Event" && item.event.id, event.id)
      })))
})
