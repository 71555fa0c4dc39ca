import { assert, describe, it } from "@effect/vitest"
import { afterAll } from "vitest"
import { Effect, Layer, Queue, Stream } from "effect"
import type { Scope } from "effect"
import type { AppendRequest, NewEvent } from "@csm/core"
import { End, EventStore, ExpectedVersion, Start, uuidV7 } from "@csm/core"
import { failsWith, storeContractCases } from "@csm/core/testing"
import type { StoreContractHarness } from "@csm/core/testing"
import { crashCluster, crashHarness, crashSkipNote, startCluster } from "./testing/crash-harness.ts"
import { PostgresEventStore } from "./postgres-event-store.ts"
import type { PostgresEventStoreOptions } from "./postgres-event-store.ts"
import { beginAppend, dropSchemas, freshSchema, rawSession, skipNote, testUrl } from "./testing/test-database.ts"

const url = testUrl ?? ""
if (!testUrl) console.warn(`PostgresEventStore tests skipped: ${skipNote}.`)
afterAll(() => testUrl ? dropSchemas(url) : undefined)

const lastId = (request: AppendRequest) => request.events[request.events.length - 1].id

/** The hooks of STORE.md §4 for the store in `schema`. */
const harness = (schema: string): StoreContractHarness => ({
  capabilities: { multiStreamAppend: true, strictEventIds: true },
  // Another session runs the store's own append statement and stays inside its transaction.
  openAppend: {
    begin: (request) =>
      Effect.gen(function*() {
        const session = yield* rawSession(url, schema)
        yield* beginAppend(session, request)
        return { commit: session.executeRaw("COMMIT", []) }
      }),
    concurrent: true
  },
  // A trigger fails the insert of the batch's last event, after the others went in.
  faultyAppend: (request) =>
    Effect.scoped(Effect.gen(function*() {
      const session = yield* rawSession(url, schema)
      yield* session.executeRaw(
        `CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'fault injected'; END $$`,
        []
      )
      yield* session.executeRaw(
        `CREATE TRIGGER fault BEFORE INSERT ON events FOR EACH ROW WHEN (NEW.event_id = '${lastId(request)}') EXECUTE FUNCTION fault()`,
        []
      )
      const store = yield* EventStore
      return yield* store.append(request.stream, request.events, request.expected).pipe(
        Effect.ensuring(Effect.ignore(session.executeRaw("DROP FUNCTION fault() CASCADE", [])))
      )
    })),
  ...(crashHarness ? { crash: crashHarness(url, schema) } : {})
})

const storeLayer = (schema: string, options: Omit<PostgresEventStoreOptions, "url" | "schema"> = {}) =>
  PostgresEventStore.layer({ ...options, url, schema })

describe.skipIf(!testUrl)(`PostgresEventStore: the store contract${testUrl ? "" : ` (skipped: ${skipNote})`}`, () => {
  for (const [index, listed] of storeContractCases(harness("")).entries()) {
    if ("skipReason" in listed) {
      it.skip(`${listed.name} (${listed.name.startsWith("15.") ? crashSkipNote : listed.skipReason})`, () => {})
    } else {
      it.live(listed.name, () =>
        Effect.gen(function*() {
          const schema = freshSchema()
          const contractCase = storeContractCases(harness(schema))[index]
          if ("run" in contractCase) yield* Effect.scoped(Effect.provide(contractCase.run, storeLayer(schema)))
        }), 60_000)
    }
  }
})

const newEvent = Effect.map(uuidV7, (id): NewEvent => ({ id, type: "Tested", schemaVersion: 1, data: { id }, metadata: {} }))

/** A subscription from `end`, past its `CaughtUp`. */
const followFromEnd = Effect.gen(function*() {
  const store = yield* EventStore
  const items = yield* Stream.toQueue(store.subscribe(End), { capacity: "unbounded" })
  assert.strictEqual((yield* Queue.take(items))._tag, "CaughtUp")
  return Queue.take(items).pipe(Effect.timeout("10 seconds"))
})

const withStore = <A, E>(
  options: Omit<PostgresEventStoreOptions, "url" | "schema">,
  test: (schema: string) => Effect.Effect<A, E, EventStore | Scope.Scope>
) => {
  const schema = freshSchema()
  return test(schema).pipe(Effect.scoped, Effect.provide(storeLayer(schema, options)))
}

describe.skipIf(!testUrl)("PostgresEventStore", () => {
  it.live("wakes subscribers by NOTIFY, without polling", () =>
    withStore({ pollInterval: "1 hour" }, () =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const next = yield* followFromEnd
        const event = yield* newEvent
        yield* store.append("notified", [event], ExpectedVersion.NoStream)
        const item = yield* next
        assert.strictEqual(item._tag === "Event" && item.event.id, event.id)
      })))

  it.live("a subscriber never skips a slow writer that commits after a faster one", () =>
    withStore({ pollInterval: 20 }, (schema) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const items = yield* Stream.toQueue(store.subscribe(End), { capacity: "unbounded" })
        assert.strictEqual((yield* Queue.take(items))._tag, "CaughtUp")
        const slow = yield* newEvent
        const fast = yield* newEvent
        const session = yield* rawSession(url, schema)
        yield* beginAppend(session, { stream: "slow", events: [slow], expected: ExpectedVersion.NoStream })
        yield* store.append("fast", [fast], ExpectedVersion.NoStream)
        // The fast event commits first, yet the slow one, committed later, still arrives.
        yield* session.executeRaw("COMMIT", [])
        const take = Queue.take(items).pipe(Effect.timeout("10 seconds"))
        const delivered = [yield* take, yield* take].map((item) => item._tag === "Event" ? item.event.id : item._tag)
        assert.deepStrictEqual(delivered, [slow.id, fast.id])
      })))

  it.live("finds an id reused past the batch's first event, and writes none of the batch", () =>
    withStore({}, () =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const stored = yield* newEvent
        yield* store.append("reused", [stored], ExpectedVersion.NoStream)
        const failure = yield* failsWith(store.append("reused", [yield* newEvent, stored], ExpectedVersion.Any), "DuplicateEventId")
        assert.deepStrictEqual([failure.stream, failure.eventId], ["reused", stored.id])
        const slice = yield* store.readStream("reused")
        assert.deepStrictEqual([slice.version, slice.events.map((event) => event.id)], [1, [stored.id]])
      })))
})

describe.skipIf(!testUrl)("PostgresEventStore.appendMany", () => {
  it.live("writes new and existing streams beside a duplicate request, each at its versions, in request order", () =>
    withStore({}, () =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const [stored, existing, fresh, added] = [[yield* newEvent], [yield* newEvent], [yield* newEvent, yield* newEvent], [yield* newEvent]]
        yield* store.appendMany([
          { stream: "many-stored", events: stored, expected: ExpectedVersion.NoStream },
          { stream: "many-existing", events: existing, expected: ExpectedVersion.NoStream }
        ])
        const results = yield* store.appendMany([
          { stream: "many-stored", events: stored, expected: ExpectedVersion.NoStream },
          { stream: "many-fresh", events: fresh, expected: ExpectedVersion.NoStream },
          { stream: "many-existing", events: added, expected: ExpectedVersion.Exact(1) }
        ])
        assert.deepStrictEqual(results.map((result) => [result.stream, result.firstVersion, result.lastVersion, result.duplicate]), [
          ["many-stored", 1, 1, true],
          ["many-fresh", 1, 2, false],
          ["many-existing", 2, 2, false]
        ])
        const log = yield* store.readAll(Start)
        assert.deepStrictEqual(
          log.events.map((event) => [event.stream, event.version, event.id]),
          [
            ["many-stored", 1, stored[0].id],
            ["many-existing", 1, existing[0].id],
            ["many-fresh", 1, fresh[0].id],
            ["many-fresh", 2, fresh[1].id],
            ["many-existing", 2, added[0].id]
          ]
        )
        assert.deepStrictEqual([(yield* store.readStream("many-fresh")).version, (yield* store.readStream("many-existing")).version], [2, 2])
      })))
})

// No server needed: nothing listens on port 1.
describe("PostgresEventStore without a server", () => {
  it.live("fails to start with StoreUnavailable, nothing written", () =>
    Effect.gen(function*() {
      const unreachable = PostgresEventStore.layer({ url: "postgres://csm:csm@127.0.0.1:1/csm", schema: "unused" })
      const failure = yield* Effect.flip(Effect.scoped(Layer.build(unreachable)))
      assert.deepStrictEqual([failure._tag, failure.outcome], ["StoreUnavailable", "not-written"])
    }))
})

const downNote = crashHarness ? "" : ` (skipped: ${crashSkipNote})`
describe.skipIf(!testUrl || !crashHarness)(`PostgresEventStore while the server is down${downNote}`, () => {
  it.live("fails appends and subscriptions with StoreUnavailable, and appends again after a restart", () =>
    withStore({ pollInterval: 20 }, () =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const items = yield* Stream.toQueue(store.subscribe(End), { capacity: "unbounded" })
        assert.strictEqual((yield* Queue.take(items))._tag, "CaughtUp")
        const events = [yield* newEvent]
        yield* Effect.acquireRelease(crashCluster, () => startCluster)
        const failure = yield* failsWith(store.append("down", events, ExpectedVersion.NoStream), "StoreUnavailable")
        // A pooled session that died idle cannot tell whether the server got the statement.
        assert.include(["not-written", "unknown"], failure.outcome)
        const ended = yield* Effect.flip(Queue.take(items).pipe(Effect.timeout("10 seconds")))
        assert.strictEqual(ended._tag, "StoreUnavailable")
        yield* startCluster
        const retried = yield* store.append("down", events, ExpectedVersion.NoStream)
        assert.deepStrictEqual([retried.lastVersion, retried.duplicate], [1, false])
      })))
})
