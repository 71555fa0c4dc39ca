import type { Decider } from "../shared/decider.ts"
import { accept } from "../shared/rejected.ts"
import { ccoDateRank } from "./cco-date.ts"
import type { CcoReleaseCommand } from "./commands.ts"
import { CcoReleaseSnapshotRecorded, CcoReleaseWithdrawn } from "./events.ts"
import type { CcoReleaseEvent } from "./events.ts"

/** One release's stream: its current snapshot's digest and creation date, if it has one. */
export type CcoReleaseState = { readonly sha256: string; readonly creationDate: string } | undefined

/** Records a snapshot only when the file's bytes changed, and a withdrawal only of a release that has one. */
export const ccoReleaseDecider: Decider<CcoReleaseCommand, CcoReleaseEvent, CcoReleaseState> = {
  initialState: undefined,
  decide: (command, state) => {
    switch (command._tag) {
      case "RecordReleaseSnapshot": {
        if (state?.sha256 === command.sha256) return accept()
        const { _tag, ...snapshot } = command
        // A changed file that claims to be no newer is still the source's truth; say so.
        const stale = state !== undefined && ccoDateRank(command.creationDate) <= ccoDateRank(state.creationDate)
        const warnings = stale
          ? [...command.warnings, `The file changed, but its creationDate ${command.creationDate} is not newer than ${state.creationDate}.`]
          : command.warnings
        return accept(CcoReleaseSnapshotRecorded.make({ ...snapshot, warnings }))
      }
      case "WithdrawRelease":
        return state === undefined
          ? accept()
          : accept(CcoReleaseWithdrawn.make({ platform: command.platform, release: command.release, at: command.at }))
    }
  },
  evolve: (_state, event) =>
    event._tag === "CcoReleaseSnapshotRecorded" ? { sha256: event.sha256, creationDate: event.creationDate } : undefined
}
