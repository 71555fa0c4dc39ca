import { Result } from "effect"
import type { Rejected } from "../shared/rejected.ts"
import { toIsoTime } from "../shared/time.ts"
import type { InstallEvent, InstallJobEvent, InstallJobScheduled } from "../install/events.ts"
import { INSTALL_JOB_IDS_STREAM, installHostStream, installJobStream, installLeaseStream } from "../install/events.ts"
import { InstallJobs } from "../install/jobs-projection.ts"
import type { InstallAction } from "../install/schemas.ts"

/**
 * Builders for tests and examples: install job events from a few fields, and read models folded
 * from them. Times are whole minutes after a fixed origin, 06-01-2016 00:00 UTC.
 */

export const ORIGIN = Date.UTC(2016, 5, 1)
export const minute = (minutes: number): number => ORIGIN + minutes * 60_000
const timeAt = (minutes: number): string => toIsoTime(minute(minutes))

export const scheduled = (
  id: number,
  fields: {
    readonly hostname?: string
    readonly action?: InstallAction
    readonly at?: number
    readonly dependency?: number
    readonly packages?: ReadonlyArray<string>
  } = {}
): InstallJobScheduled => ({
  _tag: "InstallJobScheduled",
  id,
  hostname: fields.hostname ?? "R1",
  install_action: fields.action ?? "Commit",
  scheduled_time: timeAt(fields.at ?? 0),
  ...(fields.dependency === undefined ? {} : { dependency: fields.dependency }),
  software_packages: fields.packages ?? [],
  command_profiles: [],
  created_by: "operator",
  time: timeAt(0)
})

/** The server instance the fixtures' jobs run on. */
export const INSTANCE = "instance-a"

export const started = (id: number, at = 0, instance = INSTANCE): InstallJobEvent => ({ _tag: "InstallJobStarted", id, instance, time: timeAt(at) })

export const completed = (id: number, at = 0): InstallJobEvent => ({
  _tag: "InstallJobCompleted",
  id,
  package_change_list: [],
  warnings: [],
  time: timeAt(at)
})

export const failed = (id: number, at = 0): InstallJobEvent => ({
  _tag: "InstallJobFailed",
  id,
  status_message: "Unable to connect to the host.",
  warnings: [],
  time: timeAt(at)
})

export const deleted = (id: number, at = 0): InstallJobEvent => ({
  _tag: "InstallJobDeleted",
  id,
  cause: { _tag: "Requested" },
  time: timeAt(at)
})

/** The stream of `event`, and its version before `event` as `jobs` knows it. */
const streamOf = (jobs: InstallJobs, event: InstallEvent): readonly [string, number] => {
  switch (event._tag) {
    case "InstallJobIdsReserved":
      return [INSTALL_JOB_IDS_STREAM, jobs.idSequence.version]
    case "InstallHostClaimed":
      return [installHostStream(event.hostname), jobs.hostClaimVersion(event.hostname)]
    case "InstallLeaseRenewed":
      return [installLeaseStream(event.instance), jobs.leaseRenewals(event.instance)]
    default:
      return [installJobStream(event.id), jobs.get(event.id)?.version ?? 0]
  }
}

/** Folds `events` into `jobs`, each at the next version of its stream, as the projection runner would. */
export const record = (jobs: InstallJobs, ...events: ReadonlyArray<InstallEvent>): InstallJobs => {
  for (const event of events) {
    const [stream, version] = streamOf(jobs, event)
    jobs.apply(event, { stream, version: version + 1, recordedAt: toIsoTime(ORIGIN) })
  }
  return jobs
}

export const installJobsOf = (...events: ReadonlyArray<InstallEvent>): InstallJobs => record(new InstallJobs(), ...events)

/** The message of a refusal; undefined for a success. */
export const rejection = <A>(result: Result.Result<A, Rejected>): string | undefined =>
  Result.isFailure(result) ? result.failure.message : undefined
