import type { AllStreamRecordedEvent } from "@kurrent/kurrentdb-client"
import { describe, expect, it } from "vitest"
import type { NewEvent } from "@csm/core"
import { eventDataOf, isStoreEvent, recordedOf } from "./event-record.ts"

const event: NewEvent = {
  id: "01890a5d-ac96-774b-bcce-b302099a8057",
  type: "HostRegistered",
  schemaVersion: 3,
  data: { name: "r1", ports: [22] },
  metadata: { correlationId: "c-1", actor: "admin" }
}

const stored = (overrides: Partial<AllStreamRecordedEvent> = {}) => ({
  streamId: "host-r1",
  id: event.id.toUpperCase(),
  isJson: true,
  revision: 4n,
  type: event.type,
  created: new Date("2026-01-02T03:04:05.678Z"),
  data: event.data,
  metadata: { correlationId: "c-1", actor: "admin", schemaVersion: "3" },
  position: { commit: 900n, prepare: 800n },
  ...overrides
}) as AllStreamRecordedEvent

describe("KurrentDB events", () => {
  it("carry the schema version in the flat string metadata", () => {
    expect(eventDataOf(event)).toEqual({
      id: event.id,
      contentType: "application/json",
      type: "HostRegistered",
      data: { name: "r1", ports: [22] },
      metadata: { correlationId: "c-1", actor: "admin", schemaVersion: "3" }
    })
  })

  it("read back as recorded events with our version, checkpoint and lowercase id", () => {
    expect(recordedOf(stored())).toEqual({
      ...event,
      stream: "host-r1",
      version: 5,
      checkpoint: "00000000000000000900:00000000000000000800",
      recordedAt: "2026-01-02T03:04:05.678Z"
    })
  })

  it("take schema version 1 when another writer left it out, and keep only string metadata", () => {
    const read = recordedOf(stored({ metadata: { actor: "x", attempt: 2 } }))
    expect([read.schemaVersion, read.metadata]).toEqual([1, { actor: "x" }])
  })

  it("refuse an event without a log position (a server older than 22.6)", () => {
    const { position, ...withoutPosition } = stored()
    expect(position).toBeDefined()
    expect(() => recordedOf(withoutPosition)).toThrow(/too old/)
  })

  it("leave system events and consumer checkpoints out of the store's log", () => {
    expect([
      isStoreEvent({ streamId: "host-r1", type: "HostRegistered" }),
      isStoreEvent({ streamId: "$stats-127.0.0.1:2113", type: "$statsCollected" }),
      isStoreEvent({ streamId: "$$host-r1", type: "$metadata" }),
      isStoreEvent({ streamId: "$ce-host", type: "$>" }),
      isStoreEvent({ streamId: "checkpoint-projections", type: "CheckpointSaved" })
    ]).toEqual([true, false, false, false, false])
  })
})
