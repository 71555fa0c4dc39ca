import type { EventData, JSONType, RecordedEvent as KurrentRecordedEvent } from "@kurrent/kurrentdb-client"
import type { NewEvent, RecordedEvent } from "@csm/core"
import { logCheckpoint } from "./log-position.ts"
import { versionOf } from "./stream-revision.ts"

/**
 * Our events against KurrentDB's (STORE.md §3.3): JSON data, the metadata a flat string map
 * (which multi-stream appends require), and the schema version carried in it as `schemaVersion`.
 */

export const schemaVersionKey = "schemaVersion"

/** Consumer checkpoints live in these streams; they are not part of the log the store shows. */
export const checkpointStreamPrefix = "checkpoint-"

export const eventDataOf = (event: NewEvent): EventData => ({
  id: event.id,
  contentType: "application/json",
  type: event.type,
  // Rule 1 checked that data is JSON; the client serialises any JSON value, not only JSONType.
  data: event.data as JSONType,
  metadata: { ...event.metadata, [schemaVersionKey]: String(event.schemaVersion) }
})

/**
 * Whether an event of the log is one of ours: not a system event (`$` streams such as `$stats`
 * or `$$` metadata, `$` types such as links), not a consumer checkpoint.
 */
export const isStoreEvent = (event: Pick<KurrentRecordedEvent, "streamId" | "type">): boolean =>
  !event.streamId.startsWith("$") && !event.type.startsWith("$") && !event.streamId.startsWith(checkpointStreamPrefix)

export const recordedOf = (event: KurrentRecordedEvent): RecordedEvent => {
  if (event.position === undefined) {
    throw new Error(`Event ${event.id} of ${event.streamId} came without its log position: the server is too old (23.10 or later is needed).`)
  }
  const { [schemaVersionKey]: schemaVersion, ...metadata } = stringMapOf(event.metadata)
  return {
    // Our ids are lowercase (rule 1); the server may render them otherwise.
    id: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: schemaVersionOf(schemaVersion),
    data: event.isJson ? event.data : JSON.parse(new TextDecoder().decode(event.data)),
    metadata,
    stream: event.streamId,
    version: versionOf(event.revision),
    checkpoint: logCheckpoint(event.position),
    recordedAt: event.created.toISOString()
  }
}

// Events written by others may lack the version; 1 is every type's first.
const schemaVersionOf = (text: string | undefined): number => {
  const parsed = Number(text)
  return Number.isSafeInteger(parsed) && parsed >= 1 ? parsed : 1
}

const stringMapOf = (metadata: unknown): Record<string, string> =>
  typeof metadata === "object" && metadata !== null && !(metadata instanceof Uint8Array)
    ? Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
    : {}
