import { Equal } from "effect"
import type { Decider } from "../shared/decider.ts"
import { accept } from "../shared/rejected.ts"
import type { CcoIndexEntry } from "./cco-entry.ts"
import type { RecordCatalogIndex } from "./commands.ts"
import { CcoCatalogIndexRecorded } from "./events.ts"
import { uniqueSorted } from "./index-file.ts"

/** The index stream: the last recorded (platform, release) set, sorted. */
export type CcoIndexState = ReadonlyArray<CcoIndexEntry> | undefined

/** Records catalog.dat only when its set of releases changed. */
export const ccoIndexDecider: Decider<RecordCatalogIndex, CcoCatalogIndexRecorded, CcoIndexState> = {
  initialState: undefined,
  decide: (command, state) => {
    const entries = uniqueSorted(command.entries)
    if (Equal.equals(entries, state)) return accept()
    return accept(CcoCatalogIndexRecorded.make({ source: command.source, fetchedAt: command.fetchedAt, entries }))
  },
  evolve: (_state, event) => event.entries
}
