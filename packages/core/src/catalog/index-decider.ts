import { Equal } from "effect"
import type { Decider } from "../shared/decider.ts"
import { accept } from "../shared/rejected.ts"
import type { CcoIndexEntry } from "./cco-entry.ts"
import type { RecordCatalogIndex } from "./commands.ts"
import { CcoCatalogIndexRecorded } from "./events.ts"
import { compareReleases } from "./release-order.ts"

/** The index stream: the last recorded (platform, release) set, sorted. */
export type CcoIndexState = ReadonlyArray<CcoIndexEntry> | undefined

/** Records catalog.dat only when its set of releases changed. */
export const ccoIndexDecider: Decider<RecordCatalogIndex, CcoCatalogIndexRecorded, CcoIndexState> = {
  initialState: undefined,
  decide: (command, state) => {
    const entries = sortedSet(command.entries)
    if (Equal.equals(entries, state)) return accept()
    return accept(CcoCatalogIndexRecorded.make({ source: command.source, fetchedAt: command.fetchedAt, entries }))
  },
  evolve: (_state, event) => event.entries
}

/** Platforms by code point, each one's releases oldest first, each pair once. */
const sortedSet = (entries: ReadonlyArray<CcoIndexEntry>): ReadonlyArray<CcoIndexEntry> => {
  const unique = new Map(entries.map((entry) => [`${entry.platform}_${entry.release}`, entry]))
  return [...unique.values()].sort((a, b) =>
    a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : compareReleases(a.release, b.release)
  )
}
