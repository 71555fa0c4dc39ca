import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { domainEventDefinitions } from "../application/domain-events.ts"
import { makeEventCodec } from "./event-codec.ts"
import type { RecordedEvent } from "./event-store.ts"
import { storesAsIs } from "./stored-as-is.ts"

const Checked = Schema.TaggedStruct("Checked", { name: Schema.String.check(Schema.isMinLength(1)), tags: Schema.Array(Schema.String) })
const Transformed = Schema.TaggedStruct("Transformed", { count: Schema.FiniteFromString })

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: "0190a3c0-0000-7000-8000-000000000000",
  type,
  schemaVersion: 1,
  data,
  metadata: {},
  stream: "test-1",
  version: 1,
  checkpoint: "00000000000000000001",
  recordedAt: "2026-11-27T00:00:00.000Z"
})

describe("storesAsIs", () => {
  it("tells schemas that only check from schemas that transform", () => {
    expect(storesAsIs(Checked.ast)).toBe(true)
    expect(storesAsIs(Transformed.ast)).toBe(false)
    expect(storesAsIs(Schema.Struct({ inner: Schema.Array(Transformed) }).ast)).toBe(false)
  })

  it("holds for every domain event today, so replaying a log skips no check that matters", () => {
    expect(domainEventDefinitions.filter((definition) => !storesAsIs(definition.schema.ast)).map((d) => d.type)).toEqual([])
  })
})

describe("EventCodec.replay", () => {
  const codec = makeEventCodec([
    { type: "Checked", schemaVersion: 1, schema: Checked },
    { type: "Transformed", schemaVersion: 1, schema: Transformed }
  ] as const)

  it("takes checks-only data as stored, and gives what decode gives for valid data", () => {
    const event = recorded("Checked", codec.encode(Checked.make({ name: "R1", tags: ["PE"] })).data)
    expect(codec.replay(event)).toEqual(codec.decode(event))
  })

  it("still decodes a type whose schema transforms", () => {
    const event = recorded("Transformed", { count: "3" })
    expect(Result.map(codec.replay(event), (e) => "count" in e && e.count)).toEqual(Result.succeed(3))
  })

  it("still refuses an unknown type", () => {
    expect(Result.isFailure(codec.replay(recorded("Unknown", {})))).toBe(true)
  })
})
