import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import type { EventDefinition } from "../shared/event-definition.ts"
import { storeContractCases } from "../testing/store-contract.ts"
import type { StoreContractHarness } from "../testing/store-contract.ts"
import { makeEventCodec } from "./event-codec.ts"
import { uuidV7 } from "./event-ids.ts"
import type { RecordedEvent } from "./event-store.ts"
import { EventStore, ExpectedVersion } from "./event-store.ts"
import { MemoryEventStore } from "./memory-event-store.ts"

const capabilities = { multiStreamAppend: true, strictEventIds: true }

const runCases = (harness: StoreContractHarness, only?: (name: string) => boolean) => {
  for (const contractCase of storeContractCases(harness)) {
    if (only && !only(contractCase.name)) continue
    if ("skipReason" in contractCase) it.skip(`${contractCase.name} (${contractCase.skipReason})`, () => {})
    else it.effect(contractCase.name, () => contractCase.run.pipe(Effect.provide(MemoryEventStore.layer)))
  }
}

describe("MemoryEventStore: the store contract", () => {
  runCases({ capabilities })
})

// The memory store has no transaction to hold open or to fail inside (its appends are one
// synchronous step) and nothing survives a crash. Emulated hooks still run those cases' code.
describe("MemoryEventStore: cases 11, 12 and 15 with emulated hooks", () => {
  runCases({
    capabilities,
    openAppend: {
      begin: (request) =>
        Effect.map(Effect.service(EventStore), (store) => ({
          commit: store.append(request.stream, request.events, request.expected)
        })),
      concurrent: false
    },
    faultyAppend: () => Effect.fail(new Error("fault injected before the write")),
    crash: {
      // As if the writer died just after its commit.
      crashWriter: (request) =>
        Effect.flatMap(Effect.service(EventStore), (store) =>
          Effect.asVoid(store.append(request.stream, request.events, request.expected))),
      reopen: (check) => check
    }
  }, (name) => ["11.", "12.", "15."].some((number) => name.startsWith(number)))
})

describe("MemoryEventStore", () => {
  it.effect("stores data as JSON, so what JSON cannot carry does not come back", () =>
    Effect.gen(function*() {
      const store = yield* EventStore
      const id = yield* uuidV7
      const data = { at: new Date(0), missing: undefined }
      yield* store.append("json", [{ id, type: "T", schemaVersion: 1, data, metadata: {} }], ExpectedVersion.NoStream)
      const [event] = (yield* store.readStream("json")).events
      assert.deepStrictEqual(event.data, { at: "1970-01-01T00:00:00.000Z" })
    }).pipe(Effect.provide(MemoryEventStore.layer)))

  it.effect("limits the JSON of a batch to maxBatchBytes", () =>
    Effect.gen(function*() {
      const store = yield* MemoryEventStore.make({ maxBatchBytes: 100 })
      const event = { id: yield* uuidV7, type: "T", schemaVersion: 1, data: "é".repeat(40), metadata: {} }
      yield* store.append("small", [event], ExpectedVersion.NoStream)
      const failure = yield* Effect.flip(
        store.append("large", [{ ...event, id: yield* uuidV7, data: "é".repeat(50) }], ExpectedVersion.NoStream)
      )
      assert.strictEqual(failure._tag, "InvalidAppend")
    }))
})

const HostRegistered = Schema.TaggedStruct("HostRegistered", {
  name: Schema.String,
  address: Schema.String,
  port: Schema.Number
})
const HostRemoved = Schema.TaggedStruct("HostRemoved", { name: Schema.String })

const hostRegistered: EventDefinition<typeof HostRegistered.Type> = {
  type: "HostRegistered",
  schemaVersion: 2,
  schema: HostRegistered,
  history: [{
    schemaVersion: 1,
    schema: Schema.Struct({ hostname: Schema.String, ip: Schema.String }),
    upcast: (data) => {
      const { hostname, ip } = data as { readonly hostname: string; readonly ip: string }
      return { name: hostname, address: ip, port: 22 }
    }
  }]
}
const hostRemoved: EventDefinition<typeof HostRemoved.Type> = { type: "HostRemoved", schemaVersion: 1, schema: HostRemoved }

const codec = makeEventCodec([hostRegistered, hostRemoved])

// A HostRegistered event as version 1 stored it.
const v1Fixture = `{
  "id": "01890a5d-ac96-774b-bcce-b302099a8057", "type": "HostRegistered", "schemaVersion": 1,
  "data": { "hostname": "db1", "ip": "10.0.0.5" }, "metadata": {},
  "stream": "host-db1", "version": 1, "checkpoint": "00000000000000000001", "recordedAt": "2024-01-01T00:00:00.000Z"
}`

const recordedAs = (overrides: Partial<RecordedEvent>): RecordedEvent => ({ ...JSON.parse(v1Fixture), ...overrides })

describe("makeEventCodec", () => {
  it.effect("round-trips an event through the memory store", () =>
    Effect.gen(function*() {
      const store = yield* EventStore
      const event = { _tag: "HostRegistered", name: "web1", address: "10.0.0.7", port: 2222 } as const
      const stored = codec.encode(event)
      assert.deepStrictEqual(stored, {
        type: "HostRegistered",
        schemaVersion: 2,
        data: { name: "web1", address: "10.0.0.7", port: 2222 }
      })
      yield* store.append("host-web1", [{ ...stored, id: yield* uuidV7, metadata: {} }], ExpectedVersion.NoStream)
      const [recorded] = (yield* store.readStream("host-web1")).events
      assert.deepStrictEqual(codec.decode(recorded), Result.succeed(event))
    }).pipe(Effect.provide(MemoryEventStore.layer)))

  it("upcasts the version 1 fixture", () => {
    assert.deepStrictEqual(
      codec.decode(JSON.parse(v1Fixture)),
      Result.succeed({ _tag: "HostRegistered", name: "db1", address: "10.0.0.5", port: 22 } as const)
    )
  })

  it("refuses an unknown type, an unknown version and bad data with EventDecodeError", () => {
    for (const recorded of [
      recordedAs({ type: "HostRenamed" }),
      recordedAs({ schemaVersion: 3 }),
      recordedAs({ data: { hostname: "db1" } }),
      recordedAs({ schemaVersion: 2, data: "db1" })
    ]) {
      const decoded = codec.decode(recorded)
      assert.isTrue(Result.isFailure(decoded))
      if (Result.isFailure(decoded)) {
        const { _tag, schemaVersion, stream, type, version } = decoded.failure
        assert.deepStrictEqual(
          { _tag, schemaVersion, stream, type, version },
          { _tag: "EventDecodeError", schemaVersion: recorded.schemaVersion, stream: "host-db1", type: recorded.type, version: 1 }
        )
        assert.include(decoded.failure.message, `event 1 of stream host-db1 (${recorded.type} v${recorded.schemaVersion})`)
      }
    }
  })
})

describe("uuidV7", () => {
  const format = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it.effect("gives version 7 UUIDs that carry the clock's milliseconds", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_123)
      const id = yield* uuidV7
      assert.match(id, format)
      assert.strictEqual(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), 1_700_000_000_123)
    }))

  it.effect("stays in creation order while the clock stands still", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_800_000_000_000)
      const ids = yield* Effect.replicateEffect(uuidV7, 10_000)
      assert.isTrue(ids.every((id, index) => format.test(id) && (index === 0 || ids[index - 1] < id)))
    }))
})
