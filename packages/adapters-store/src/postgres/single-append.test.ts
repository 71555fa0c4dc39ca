import { assert, describe, it } from "@effect/vitest"
import { afterAll } from "vitest"
import { Effect, Fiber } from "effect"
import type { Scope } from "effect"
import type { ExpectedVersion, NewEvent } from "@csm/core"
import { EventStore, uuidV7 } from "@csm/core"
import { failsWith } from "@csm/core/testing"
import { PostgresEventStore } from "./postgres-event-store.ts"
import { beginAppend, dropSchemas, freshSchema, rawSession, skipNote, testUrl } from "./testing/test-database.ts"

/**
 * The one-request statement reads the stream with a snapshot taken before it waited for the
 * stream's lock. These cases make it wait for a writer that then commits, and check that the
 * append still follows the rules (it falls back to `csm_append`).
 */

const url = testUrl ?? ""
afterAll(() => testUrl ? dropSchemas(url) : undefined)

const newEvent = Effect.map(uuidV7, (id): NewEvent => ({ id, type: "Tested", schemaVersion: 1, data: { id }, metadata: {} }))

/** Another session appends `events` to `stream` and holds its transaction; `commit` ends it. */
const holdAppend = (schema: string, stream: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion) =>
  Effect.gen(function*() {
    const session = yield* rawSession(url, schema)
    yield* beginAppend(session, { stream, events, expected })
    /** Returns once an append waits for the stream's lock. */
    const waitedFor = Effect.gen(function*() {
      for (;;) {
        const waiting = yield* session.executeValues(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND objid = (hashtextextended($1, 0) & 4294967295)::oid`,
          [stream]
        )
        if (waiting.length > 0) return
        yield* Effect.sleep("5 millis")
      }
    })
    return { waitedFor, commit: session.executeRaw("COMMIT", []) }
  })

/** Runs `append` while another writer holds the stream, and lets that writer commit meanwhile. */
const racing = <A, E>(
  schema: string,
  held: { stream: string; events: ReadonlyArray<NewEvent>; expected: ExpectedVersion },
  append: Effect.Effect<A, E, EventStore>
) =>
  Effect.gen(function*() {
    const other = yield* holdAppend(schema, held.stream, held.events, held.expected)
    const appending = yield* Effect.forkChild(append)
    // An append that never waits (a bug) ends first, and the test fails instead of hanging.
    yield* Effect.raceFirst(other.waitedFor, Fiber.await(appending))
    yield* other.commit
    return yield* Fiber.join(appending)
  })

const inStore = <A, E>(test: (schema: string) => Effect.Effect<A, E, EventStore | Scope.Scope>) => {
  const schema = freshSchema()
  return Effect.scoped(test(schema)).pipe(Effect.provide(PostgresEventStore.layer({ url, schema })))
}

describe.skipIf(!testUrl)(`PostgresEventStore: one request while another writer holds its stream${testUrl ? "" : ` (skipped: ${skipNote})`}`, () => {
  for (const expected of [{ _tag: "StreamExists" }, { _tag: "Exact", version: 1 }] as const) {
    it.live(`${expected._tag} appends to a stream another writer creates meanwhile`, () =>
      inStore((schema) =>
        Effect.gen(function*() {
          const store = yield* EventStore
          const [first, second] = [yield* newEvent, yield* newEvent]
          const result = yield* racing(
            schema,
            { stream: "created", events: [first], expected: { _tag: "NoStream" } },
            store.append("created", [second], expected)
          )
          assert.deepStrictEqual([result.firstVersion, result.duplicate], [2, false])
          const slice = yield* store.readStream("created")
          assert.deepStrictEqual(slice.events.map((event) => event.id), [first.id, second.id])
        })))
  }

  for (const expected of [{ _tag: "NoStream" }, { _tag: "Any" }] as const) {
    it.live(`a re-send under ${expected._tag} racing its original is a duplicate`, () =>
      inStore((schema) =>
        Effect.gen(function*() {
          const store = yield* EventStore
          const events = [yield* newEvent, yield* newEvent]
          const result = yield* racing(
            schema,
            { stream: "resent", events, expected: { _tag: "NoStream" } },
            store.append("resent", events, expected)
          )
          assert.deepStrictEqual([result.firstVersion, result.lastVersion, result.duplicate], [1, 2, true])
          assert.strictEqual((yield* store.readStream("resent")).version, 2)
        })))
  }

  it.live("StreamExists appends after another writer's append to the stream, at the version that writer left", () =>
    inStore((schema) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const [first, second, third] = [yield* newEvent, yield* newEvent, yield* newEvent]
        yield* store.append("moving", [first], { _tag: "NoStream" })
        const result = yield* racing(
          schema,
          { stream: "moving", events: [second], expected: { _tag: "Exact", version: 1 } },
          store.append("moving", [third], { _tag: "StreamExists" })
        )
        assert.deepStrictEqual([result.firstVersion, result.duplicate], [3, false])
        const slice = yield* store.readStream("moving")
        assert.deepStrictEqual(slice.events.map((event) => event.id), [first.id, second.id, third.id])
      })))

  it.live("Exact(v) on a stream another writer moves from v meanwhile is a conflict with the true version", () =>
    inStore((schema) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("exact", [yield* newEvent], { _tag: "NoStream" })
        const failure = yield* racing(
          schema,
          { stream: "exact", events: [yield* newEvent], expected: { _tag: "Exact", version: 1 } },
          failsWith(store.append("exact", [yield* newEvent], { _tag: "Exact", version: 1 }), "ConcurrencyConflict")
        )
        assert.deepStrictEqual([failure.expected, failure.actual], ["1", 2])
      })))

  it.live("a stale expectation racing another writer is a conflict with the true version", () =>
    inStore((schema) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const failure = yield* racing(
          schema,
          { stream: "moved", events: [yield* newEvent, yield* newEvent], expected: { _tag: "NoStream" } },
          failsWith(store.append("moved", [yield* newEvent], { _tag: "NoStream" }), "ConcurrencyConflict")
        )
        assert.deepStrictEqual([failure.expected, failure.actual], ["NoStream", 2])
      })))
})
