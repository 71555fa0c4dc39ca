import type { CcoIndexEntry } from "./cco-entry.ts"
import type { CcoReleaseSnapshotRecorded } from "./events.ts"

/** Record catalog.dat as read (validated lines, in any order, repeats allowed). */
export interface RecordCatalogIndex {
  readonly _tag: "RecordCatalogIndex"
  readonly source: string
  readonly fetchedAt: string
  readonly entries: ReadonlyArray<CcoIndexEntry>
}

/** Record a release's XML as read and parsed; `sha256` is the digest of its bytes. */
export interface RecordReleaseSnapshot extends Omit<CcoReleaseSnapshotRecorded, "_tag"> {
  readonly _tag: "RecordReleaseSnapshot"
}

/** The release left the index. */
export interface WithdrawRelease {
  readonly _tag: "WithdrawRelease"
  readonly platform: string
  readonly release: string
  readonly at: string
}

export type CcoReleaseCommand = RecordReleaseSnapshot | WithdrawRelease
