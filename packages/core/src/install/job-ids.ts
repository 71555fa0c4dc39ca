import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { reject } from "../shared/rejected.ts"
import type { InstallJobIdsReserved } from "./events.ts"

export interface ReserveInstallJobIds {
  readonly _tag: "ReserveInstallJobIds"
  readonly count: number
}

/** The lowest id never handed out. */
export interface InstallJobIdsState {
  readonly next: number
}

/**
 * The install job id sequence (stream `install-job-ids`). A request reserves one id per job it
 * creates, appending the reservation with the stream's expected version in the same appendMany as
 * the jobs: two requests can never get the same id, and a crash leaves neither ids nor jobs behind.
 */
export const jobIdsDecider: Decider<ReserveInstallJobIds, InstallJobIdsReserved, InstallJobIdsState> = {
  initialState: { next: 1 },
  decide: (command, state) =>
    Number.isInteger(command.count) && command.count >= 1
      ? Result.succeed([{ _tag: "InstallJobIdsReserved", first: state.next, count: command.count }])
      : reject(`Unable to reserve ${command.count} install job ids: a request reserves at least one.`),
  evolve: (_state, event) => ({ next: event.first + event.count })
}
