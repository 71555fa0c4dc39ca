import type { RecordedEvent } from "@csm/core"
import { logCheckpoint } from "./log-checkpoint.ts"

/**
 * An `events` row as the reads select it, positional (cheaper than named keys): 64-bit numbers
 * and JSON as text, which the store parses itself.
 */
export type EventRow = readonly [
  txId: string,
  position: string,
  stream: string,
  version: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string
]

export const eventColumns =
  "tx_id::text, position::text, stream, version, event_id::text, type, schema_version, data::text, metadata::text, recorded_at"

export const toRecorded = (row: ReadonlyArray<unknown>): RecordedEvent => {
  const [txId, position, stream, version, id, type, schemaVersion, data, metadata, recordedAt] = row as EventRow
  return {
    id,
    type,
    schemaVersion,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
    stream,
    version,
    checkpoint: logCheckpoint({ txId, position }),
    recordedAt
  }
}
