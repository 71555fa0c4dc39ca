import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import type { Rejected } from "../shared/rejected.ts"
import { reject } from "../shared/rejected.ts"
import { toIsoTime } from "../shared/time.ts"
import type { DeletionCause, InstallJobEvent, InstallJobScheduled } from "./events.ts"
import type { InstallAction, JobStatus } from "./schemas.ts"
import { DeletableStatus } from "./schemas.ts"

/** A job as the planner creates it; times are epoch milliseconds. */
export interface PlannedJob {
  readonly id: number
  readonly hostname: string
  readonly action: InstallAction
  readonly scheduledAt: number
  readonly dependency: number | undefined
  readonly serverRepository: string | undefined
  readonly serverDirectory: string | undefined
  readonly packages: ReadonlyArray<string>
  readonly commandProfiles: ReadonlyArray<string>
}

export type InstallJobCommand =
  | { readonly _tag: "ScheduleInstallJob"; readonly job: PlannedJob; readonly createdBy: string; readonly now: number }
  | { readonly _tag: "StartInstallJob"; readonly id: number; readonly instance: string; readonly now: number }
  | { readonly _tag: "RecordInstallJobProgress"; readonly id: number; readonly statusMessage: string; readonly now: number }
  | {
    readonly _tag: "CompleteInstallJob"
    readonly id: number
    readonly packageChanges: ReadonlyArray<string>
    readonly warnings: ReadonlyArray<string>
    readonly now: number
  }
  | {
    readonly _tag: "FailInstallJob"
    readonly id: number
    readonly statusMessage: string
    readonly warnings: ReadonlyArray<string>
    readonly now: number
  }
  | { readonly _tag: "DeleteInstallJob"; readonly id: number; readonly cause: DeletionCause; readonly now: number }

/** Where one job's stream stands. */
export type InstallJobState = "unscheduled" | JobStatus | "deleted"

export const noSuchJob = (id: number): string => `Install job ${id} does not exist.`

/** Lets `verb` happen only in the `allowed` states, refusing with the sentence API.md uses for deletion. */
const allow = (
  state: InstallJobState,
  allowed: ReadonlyArray<JobStatus>,
  verb: string,
  id: number
): Result.Result<void, Rejected> => {
  if (state === "unscheduled" || state === "deleted") return reject(noSuchJob(id))
  return allowed.includes(state) ? Result.void : reject(`Unable to ${verb} install job ${id} as it is ${state.replace("-", " ")}.`)
}

/** Only scheduled and failed jobs can be deleted. */
export const allowDeletion = (id: number, state: InstallJobState): Result.Result<void, Rejected> =>
  allow(state, DeletableStatus.literals, "delete", id)

/** `event`, when the job is in one of the `allowed` states. */
const transition = (
  state: InstallJobState,
  allowed: ReadonlyArray<JobStatus>,
  verb: string,
  event: Exclude<InstallJobEvent, { readonly _tag: "InstallJobScheduled" }>
): Result.Result<ReadonlyArray<InstallJobEvent>, Rejected> => Result.map(allow(state, allowed, verb, event.id), () => [event])

const decide = (command: InstallJobCommand, state: InstallJobState): Result.Result<ReadonlyArray<InstallJobEvent>, Rejected> => {
  const time = toIsoTime(command.now)
  switch (command._tag) {
    case "ScheduleInstallJob":
      return state === "unscheduled"
        ? Result.succeed([scheduled(command.job, command.createdBy, time)])
        : reject(`Install job ${command.job.id} already exists.`)
    case "StartInstallJob":
      return transition(state, ["scheduled"], "start", { _tag: "InstallJobStarted", id: command.id, instance: command.instance, time })
    case "RecordInstallJobProgress":
      return transition(state, ["in-progress"], "update", {
        _tag: "InstallJobProgressed",
        id: command.id,
        status_message: command.statusMessage,
        time
      })
    case "CompleteInstallJob":
      return transition(state, ["in-progress"], "complete", {
        _tag: "InstallJobCompleted",
        id: command.id,
        package_change_list: command.packageChanges,
        warnings: command.warnings,
        time
      })
    case "FailInstallJob":
      return transition(state, ["in-progress"], "fail", {
        _tag: "InstallJobFailed",
        id: command.id,
        status_message: command.statusMessage,
        warnings: command.warnings,
        time
      })
    case "DeleteInstallJob":
      return transition(state, DeletableStatus.literals, "delete", {
        _tag: "InstallJobDeleted",
        id: command.id,
        cause: command.cause,
        time
      })
  }
}

/** Absent optional values are left out of events, never `undefined`. */
const scheduled = (job: PlannedJob, createdBy: string, time: string): InstallJobScheduled => ({
  _tag: "InstallJobScheduled",
  id: job.id,
  hostname: job.hostname,
  install_action: job.action,
  scheduled_time: toIsoTime(job.scheduledAt),
  ...(job.dependency === undefined ? {} : { dependency: job.dependency }),
  ...(job.serverRepository === undefined ? {} : { server_repository: job.serverRepository }),
  ...(job.serverDirectory === undefined ? {} : { server_directory: job.serverDirectory }),
  software_packages: job.packages,
  command_profiles: job.commandProfiles,
  created_by: createdBy,
  time
})

const STATE_AFTER: Record<InstallJobEvent["_tag"], InstallJobState | undefined> = {
  InstallJobScheduled: "scheduled",
  InstallJobStarted: "in-progress",
  InstallJobProgressed: undefined,
  InstallJobCompleted: "completed",
  InstallJobFailed: "failed",
  InstallJobDeleted: "deleted"
}

/**
 * One install job's life: scheduled, started once (the claim), progressing, then completed or
 * failed; deleted only while scheduled or failed.
 */
export const installJobDecider: Decider<InstallJobCommand, InstallJobEvent, InstallJobState> = {
  initialState: "unscheduled",
  decide,
  evolve: (state, event) => STATE_AFTER[event._tag] ?? state
}
