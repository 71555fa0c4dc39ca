import type { RecordedEvent } from "@csm/core"
import { sequenceCheckpoint } from "@csm/core"

/**
 * An `events` row as the reads select it: as an array, which the driver builds much faster than
 * an object with named keys.
 */
export type EventRow = [position: number, ...EventValues]

/** The columns an append writes, in `eventColumns` order after the position. */
export type EventValues = [
  stream: string,
  version: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string
]

export const eventColumns = "position, stream, version, event_id, type, schema_version, data, metadata, recorded_at"

export const toRecorded = ([position, stream, version, id, type, schemaVersion, data, metadata, recordedAt]: EventRow): RecordedEvent => ({
  id,
  type,
  schemaVersion,
  data: JSON.parse(data),
  metadata: JSON.parse(metadata),
  stream,
  version,
  checkpoint: sequenceCheckpoint(position),
  recordedAt
})
