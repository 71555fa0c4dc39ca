import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import { IsoTime } from "../shared/time.ts"
import { CcoEntry, CcoHeader, CcoIndexEntry } from "./cco-entry.ts"

/** The index (catalog.dat) has one stream; each platform/release has its own. */
export const CCO_INDEX_STREAM = "cco-index"
export const ccoReleaseStream = (platform: string, release: string): string => `cco-${platform}_${release}`

/** catalog.dat was read and its (platform, release) set changed; `entries` sorted by platform, then release. */
export const CcoCatalogIndexRecorded = Schema.TaggedStruct("CcoCatalogIndexRecorded", {
  source: Schema.String,
  fetchedAt: IsoTime,
  entries: Schema.Array(CcoIndexEntry)
})
export type CcoCatalogIndexRecorded = typeof CcoCatalogIndexRecorded.Type

/** A release's XML changed (another SHA-256): the whole parsed file. */
export const CcoReleaseSnapshotRecorded = Schema.TaggedStruct("CcoReleaseSnapshotRecorded", {
  platform: Schema.String,
  release: Schema.String,
  /** Verbatim, as in the file: `08/09/2016 02:10:05 PDT`. */
  creationDate: Schema.String,
  sha256: Schema.String,
  source: Schema.String,
  fetchedAt: IsoTime,
  header: CcoHeader,
  entries: Schema.Array(CcoEntry),
  warnings: Schema.Array(Schema.String)
})
export type CcoReleaseSnapshotRecorded = typeof CcoReleaseSnapshotRecorded.Type

/** A release with a snapshot left the index. */
export const CcoReleaseWithdrawn = Schema.TaggedStruct("CcoReleaseWithdrawn", {
  platform: Schema.String,
  release: Schema.String,
  at: IsoTime
})
export type CcoReleaseWithdrawn = typeof CcoReleaseWithdrawn.Type

export type CcoReleaseEvent = CcoReleaseSnapshotRecorded | CcoReleaseWithdrawn
export type CcoEvent = CcoCatalogIndexRecorded | CcoReleaseEvent

export const ccoEventDefinitions = [
  { type: "CcoCatalogIndexRecorded", schemaVersion: 1, schema: CcoCatalogIndexRecorded },
  { type: "CcoReleaseSnapshotRecorded", schemaVersion: 1, schema: CcoReleaseSnapshotRecorded },
  { type: "CcoReleaseWithdrawn", schemaVersion: 1, schema: CcoReleaseWithdrawn }
] as const satisfies ReadonlyArray<EventDefinition>
