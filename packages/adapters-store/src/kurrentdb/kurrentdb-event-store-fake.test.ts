import { assert, describe, it } from "@effect/vitest"
import { UnavailableError } from "@kurrent/kurrentdb-client"
import { Cause, Effect, Exit, Layer, Option, Queue, Stream } from "effect"
import type { NewEvent } from "@csm/core"
import { End, EventStore, ExpectedVersion, Start, uuidV7 } from "@csm/core"
import { failsWith, storeContractCases } from "@csm/core/testing"
import { KurrentEventStore, kurrentStoreLayer, makeKurrentEventStore } from "./kurrentdb-event-store.ts"
import { fakeKurrent } from "./testing/fake-kurrent-client.ts"
import type { FakeKurrent } from "./testing/fake-kurrent-client.ts"
import { namespacedLayer } from "./testing/namespaced-store.ts"

/** The adapter's I/O against a fake client: what it sends, and how it reads what comes back. */

const { Any, Exact, NoStream } = ExpectedVersion

const newEvents = (count: number) =>
  Effect.forEach(
    Array.from({ length: count }, (_, n) => n),
    (n) => Effect.map(uuidV7, (id): NewEvent => ({ id, type: "Tested", schemaVersion: 2, data: { n }, metadata: { actor: "test" } }))
  )

const withStore = <A, E>(
  test: (fake: FakeKurrent) => Effect.Effect<A, E, EventStore>,
  options: { readonly multiStreamAppend?: boolean } = {}
) => {
  const fake = fakeKurrent()
  return Effect.provideServiceEffect(test(fake), EventStore, makeKurrentEventStore(fake.client, options))
}

const appendStates = (fake: FakeKurrent, stream: string) =>
  fake.calls.filter((call) => call.method === "appendToStream" && call.stream === stream).map((call) => call.state)

describe("KurrentEventStore against a fake client", () => {
  it.effect("fails appendMany with Unsupported unless configured, sending nothing", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        assert.deepStrictEqual(store.capabilities, { multiStreamAppend: false, strictEventIds: false })
        const failure = yield* failsWith(store.appendMany([{ stream: "a-1", events: yield* newEvents(1), expected: NoStream }]), "Unsupported")
        assert.include(failure.message, "multi-stream appends")
        assert.isFalse(fake.calls.some((call) => call.method === "appendToStream" || call.method === "multiStreamAppend"))
      })))

  it.effect("writes appendMany through multiStreamAppend when configured", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        assert.isTrue(store.capabilities.multiStreamAppend)
        const results = yield* store.appendMany([
          { stream: "a-1", events: yield* newEvents(2), expected: NoStream },
          { stream: "b-1", events: yield* newEvents(1), expected: Any }
        ])
        assert.deepStrictEqual(results.map((result) => [result.stream, result.firstVersion, result.lastVersion]), [["a-1", 1, 2], ["b-1", 1, 1]])
        assert.isTrue(fake.calls.some((call) => call.method === "multiStreamAppend"))
      }), { multiStreamAppend: true }))

  it.effect("reads a missing stream (StreamNotFoundError while iterating) as exists: false", () =>
    withStore(() =>
      Effect.gen(function*() {
        const store = yield* EventStore
        assert.deepStrictEqual(yield* store.readStream("host-none"), { exists: false, version: 0, events: [] })
      })))

  it.effect("sends expectations as stream states and numbers versions from 1", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const first = yield* store.append("host-r1", yield* newEvents(2), NoStream)
        const next = yield* store.append("host-r1", yield* newEvents(1), Exact(2))
        const conflict = yield* failsWith(store.append("host-r1", yield* newEvents(1), Exact(1)), "ConcurrencyConflict")
        assert.deepStrictEqual(appendStates(fake, "host-r1"), ["no_stream", 1n, 0n])
        assert.deepStrictEqual([first.firstVersion, first.lastVersion, next.firstVersion, next.lastVersion], [1, 2, 3, 3])
        assert.deepStrictEqual([conflict.stream, conflict.expected, conflict.actual], ["host-r1", "1", 3])
        const slice = yield* store.readStream("host-r1", { from: 2 })
        assert.deepStrictEqual([slice.version, slice.events.map((event) => [event.version, event.schemaVersion])], [3, [[2, 2], [3, 2]]])
        assert.deepStrictEqual(slice.events[0].metadata, { actor: "test" })
      })))

  it.effect("reports a re-send at its position as a duplicate, and writes one elsewhere anew", () =>
    withStore(() =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const batch = yield* newEvents(2)
        yield* store.append("host-r2", batch, NoStream)
        const again = yield* store.append("host-r2", batch, NoStream)
        assert.deepStrictEqual([again.firstVersion, again.lastVersion, again.duplicate], [1, 2, true])
        const elsewhere = yield* store.append("host-r2", batch, Exact(2))
        assert.deepStrictEqual([elsewhere.firstVersion, elsewhere.lastVersion, elsewhere.duplicate], [3, 4, false])
      })))

  it.effect("refuses appends to the checkpoint streams", () =>
    withStore(() =>
      Effect.gen(function*() {
        const store = yield* EventStore
        const refused = yield* failsWith(store.append("checkpoint-projections", yield* newEvents(1), Any), "InvalidAppend")
        assert.include(refused.message, "consumer checkpoints")
      })))

  it.effect("saves a checkpoint with its token as the expected revision", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const { load, save } = (yield* EventStore).checkpoints
        const first = yield* save("projections", "00000000000000000100:00000000000000000100", Option.none())
        const second = yield* save("projections", "00000000000000000200:00000000000000000200", Option.some(first))
        assert.deepStrictEqual([first, second], ["0", "1"])
        assert.deepStrictEqual(appendStates(fake, "checkpoint-projections"), ["no_stream", 0n])
        const stale = yield* failsWith(save("projections", "start", Option.some(first)), "CheckpointMismatch")
        assert.deepStrictEqual([stale.consumer, stale.expected, stale.actual], ["projections", "0", "1"])
        const foreign = yield* failsWith(save("projections", "start", Option.some("not-a-token")), "CheckpointMismatch")
        assert.deepStrictEqual([foreign.expected, foreign.actual], ["not-a-token", "1"])
        assert.strictEqual(appendStates(fake, "checkpoint-projections").length, 3)
        assert.deepStrictEqual(
          yield* load("projections"),
          Option.some({ checkpoint: "00000000000000000200:00000000000000000200", token: "1" })
        )
      })))

  it.effect("reads the log without system events or checkpoints, exclusive of `after`", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        fake.writeForeign("$stats-127.0.0.1:2113", "$statsCollected")
        const events = yield* newEvents(3)
        yield* store.append("host-a", [events[0]], NoStream)
        yield* store.checkpoints.save("projections", Start, Option.none())
        fake.writeForeign("$$host-a", "$metadata")
        yield* store.append("host-b", events.slice(1), NoStream)
        const full = yield* store.readAll(Start)
        assert.deepStrictEqual(full.events.map((event) => event.id), events.map((event) => event.id))
        assert.isTrue(full.atEnd)
        // The fake repeats the record at `fromPosition`, as a server may: it must not come back.
        const first = yield* store.readAll(Start, 1)
        const rest = yield* store.readAll(first.next, 1)
        assert.deepStrictEqual([first.atEnd, rest.events[0].id, rest.atEnd], [false, events[1].id, false])
        const past = yield* store.readAll(full.next)
        assert.deepStrictEqual([past.events, past.next, past.atEnd], [[], full.next, true])
        assert.deepStrictEqual((yield* store.readAll(End)).events, [])
      })))

  it.live("subscribes: catches up, says so once, then wakes on the server's push", () =>
    withStore((fake) =>
      Effect.scoped(Effect.gen(function*() {
        const store = yield* EventStore
        const early = yield* newEvents(1)
        yield* store.append("host-s", early, NoStream)
        const items = yield* Stream.toQueue(store.subscribe(Start), { capacity: "unbounded" })
        const take = Queue.take(items).pipe(Effect.timeout("5 seconds"))
        const caughtUp = [yield* take, yield* take]
        assert.deepStrictEqual(caughtUp.map((item) => item._tag === "Event" ? item.event.id : item._tag), [early[0].id, "CaughtUp"])
        // A record hidden from the store wakes the reader once; it then waits after that record,
        // not after the last event it showed (which would wake it again at once, in a loop).
        const subscriptions = () => fake.calls.filter((call) => call.method === "subscribeToAll").length
        fake.writeForeign("$stats-127.0.0.1:2113", "$statsCollected")
        yield* Effect.yieldNow.pipe(Effect.repeat({ until: () => subscriptions() >= 2 }))
        yield* Effect.repeat(Effect.yieldNow, { times: 50 })
        assert.strictEqual(subscriptions(), 2)
        const live = yield* newEvents(1)
        yield* store.append("host-s", live, Any)
        const item = yield* take
        assert.strictEqual(item._tag === "Event" ? item.event.id : item._tag, live[0].id)
      }))))

  it.effect("fails an append the server may have received with StoreUnavailable, outcome unknown", () =>
    withStore((fake) =>
      Effect.gen(function*() {
        const store = yield* EventStore
        fake.failNext("appendToStream", new UnavailableError())
        const failure = yield* failsWith(store.append("host-u", yield* newEvents(1), Any), "StoreUnavailable")
        assert.strictEqual(failure.outcome, "unknown")
        fake.failNext("readAll", new UnavailableError())
        assert.strictEqual((yield* failsWith(store.readAll(Start), "StoreUnavailable")).outcome, "not-written")
      })))

  it.effect("closes the client when the layer is released", () =>
    Effect.gen(function*() {
      const fake = fakeKurrent()
      yield* Effect.scoped(Layer.build(kurrentStoreLayer(() => fake.client, {})))
      assert.isTrue(fake.disposed())
    }))
})

// The contract's cases as kurrentdb-event-store.test.ts runs them on a server (one log for all,
// a namespace per case), here on the fake: they exercise the adapter's translations together,
// on a log that also holds system records and checkpoints. What a real server does is only
// checked by that suite.
for (const multiStreamAppend of [false, true]) {
  describe(`KurrentEventStore against a fake client, multiStreamAppend ${multiStreamAppend}: the contract's cases`, () => {
    const shared = fakeKurrent()
    shared.writeForeign("$stats-127.0.0.1:2113", "$statsCollected")
    const cases = storeContractCases({ capabilities: { multiStreamAppend, strictEventIds: false } })
    for (const [index, contractCase] of cases.entries()) {
      if ("skipReason" in contractCase) it.skip(`${contractCase.name} (${contractCase.skipReason})`, () => {})
      else {
        const store = namespacedLayer(kurrentStoreLayer(() => shared.client, { multiStreamAppend }), `case${index}`)
        it.live(contractCase.name, () => Effect.scoped(Effect.provide(contractCase.run, store)))
      }
    }
  })
}

// The real client, with nothing listening on port 1.
describe("KurrentEventStore without a server", () => {
  it.live("fails to start with StoreUnavailable, nothing written", () =>
    Effect.gen(function*() {
      const unreachable = KurrentEventStore.layer({ connectionString: "kurrentdb://127.0.0.1:1?tls=false&maxDiscoverAttempts=1" })
      const failure = yield* Effect.flip(Effect.scoped(Layer.build(unreachable)))
      assert.deepStrictEqual([failure._tag, failure.outcome], ["StoreUnavailable", "not-written"])
    }))

  it.live("refuses a malformed connection string without repeating it", () =>
    Effect.gen(function*() {
      const malformed = KurrentEventStore.layer({ connectionString: "kurrentdb://admin:s3cret@host:2113?tls=maybe" })
      const exit = yield* Effect.exit(Effect.scoped(Layer.build(malformed)))
      const defect = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined
      assert.instanceOf(defect, Error)
      assert.match(defect instanceof Error ? defect.message : "", /cannot be parsed: at character \d+, expected true or false/)
      assert.notInclude(defect instanceof Error ? defect.message : "", "s3cret")
    }))
})
