import { Clock, Effect, Result } from "effect"
import { commit, retryOnConflict } from "../application/commit.ts"
import { ReadModels } from "../application/read-models.ts"
import type { StreamChange } from "../application/stream-change.ts"
import { decideOn } from "../application/stream-change.ts"
import { hostDecider } from "../hosts/decider.ts"
import { hostStream } from "../hosts/events.ts"
import { InstallHostClaimed, installHostStream, installJobStream } from "../install/events.ts"
import type { InstallJobCommand } from "../install/job-decider.ts"
import { installJobDecider } from "../install/job-decider.ts"
import type { InstallJob } from "../install/jobs-projection.ts"
import { toIsoTime } from "../shared/time.ts"
import { EventStore, ExpectedVersion } from "../store/event-store.ts"
import type { DeviceOutcome, DeviceUpdate } from "./device-gateway.ts"
import { DeviceGateway } from "./device-gateway.ts"
import { deviceJobOf } from "./device-job.ts"
import { preUpgradeCapturesOf } from "./pre-upgrade-captures.ts"
import { SessionLogChunk, sessionLogStream } from "./session-log-events.ts"

/** Why a job that was running when the server stopped is failed at the next start. */
export const INTERRUPTED_BY_RESTART = "A server restart interrupted this job; it did not finish."

/** Why a job is failed when the server instance running it stopped renewing its lease. */
export const leaseExpired = (leaseMs: number): string =>
  `The server instance running this job gave no sign of life for ${Math.round(leaseMs / 1000)} s; the job did not finish.`

const INTERNAL_FAULT = "The job stopped because of an internal error in the device driver."

const metadata = { actor: "scheduler" }

/** The job decider's change for `command`, or nothing when the job is no longer in a state that allows it. */
const jobChange = (command: Exclude<InstallJobCommand, { readonly _tag: "ScheduleInstallJob" }>) =>
  Effect.map(decideOn(installJobDecider, installJobStream(command.id), command), Result.getOrUndefined)

const now = Clock.currentTimeMillis

/**
 * Claims a due job for `instance`: `InstallJobStarted` at the job stream's version and a claim of
 * its host at the host stream's version, both as the read model saw them, in one append. When
 * several server instances share a store, exactly one instance starts the job, and a host never
 * runs two jobs at once. True when this one won.
 */
export const claimJob = Effect.fnUntraced(function*(job: InstallJob, instance: string) {
  const { views } = yield* ReadModels
  const at = yield* now
  const started = installJobDecider.decide({ _tag: "StartInstallJob", id: job.id, instance, now: at }, job.status)
  if (Result.isFailure(started)) return false
  const claimed = InstallHostClaimed.make({ hostname: job.hostname, id: job.id, time: toIsoTime(at) })
  return yield* commit([
    { stream: installJobStream(job.id), expected: ExpectedVersion.Exact(job.version), events: started.success },
    { stream: installHostStream(job.hostname), expected: ExpectedVersion.Exact(views.jobs.hostClaimVersion(job.hostname)), events: [claimed] }
  ], metadata).pipe(
    Effect.as(true),
    Effect.catchTag("ConcurrencyConflict", () => Effect.succeed(false))
  )
})

/** Appends what the device adapter reports while it runs: status lines, and session-log text. */
const report = (id: number) => (update: DeviceUpdate) =>
  Effect.gen(function*() {
    if (update._tag === "Log") {
      yield* commit([{
        stream: sessionLogStream(id),
        expected: ExpectedVersion.Any,
        events: [SessionLogChunk.make({ file: update.file, text: update.text })]
      }], metadata)
      return
    }
    const change = yield* jobChange({ _tag: "RecordInstallJobProgress", id, statusMessage: update.message, now: yield* now })
    if (change !== undefined) yield* commit([change], metadata)
  }).pipe(retryOnConflict, Effect.catchCause((cause) => Effect.logWarning("A job progress update was not recorded", cause)))

/**
 * Records how a job ended, together with what the device told about the host, in one append: a
 * job is never shown completed without the package state it produced.
 */
const finish = Effect.fnUntraced(function*(job: InstallJob, outcome: DeviceOutcome) {
  const at = yield* now
  const time = toIsoTime(at)
  const ending = yield* jobChange(outcome._tag === "Completed"
    ? { _tag: "CompleteInstallJob", id: job.id, packageChanges: outcome.packageChanges, warnings: outcome.warnings, now: at }
    : { _tag: "FailInstallJob", id: job.id, statusMessage: outcome.message, warnings: outcome.warnings, now: at })
  const changes: Array<StreamChange | undefined> = [ending]
  if (outcome.facts !== undefined) {
    const command = { _tag: "RecordHostFacts", name: job.hostname, facts: outcome.facts, time } as const
    changes.push(Result.getOrUndefined(yield* decideOn(hostDecider, hostStream(job.hostname), command)))
  }
  if (outcome.packages !== undefined) {
    const command = { _tag: "RecordHostPackages", name: job.hostname, packages: outcome.packages, time } as const
    changes.push(Result.getOrUndefined(yield* decideOn(hostDecider, hostStream(job.hostname), command)))
  }
  yield* commit(mergeByStream(changes), metadata)
})

/** Facts and packages of one host are two decisions on one stream: append them as one change. */
const mergeByStream = (changes: ReadonlyArray<StreamChange | undefined>): ReadonlyArray<StreamChange> => {
  const merged = new Map<string, StreamChange>()
  for (const change of changes) {
    if (change === undefined) continue
    const earlier = merged.get(change.stream)
    merged.set(change.stream, earlier ? { ...earlier, events: [...earlier.events, ...change.events] } : change)
  }
  return [...merged.values()]
}

/**
 * Runs a job this instance has claimed: gathers what the device needs, drives it through the
 * gateway, and records the outcome. Nothing escapes: a store fault is logged and the job is left
 * in progress, to be failed as interrupted by the next start.
 */
export const runClaimedJob = (job: InstallJob) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const gateway = yield* DeviceGateway
    const context = yield* Effect.context<ReadModels | EventStore>()
    const deviceJob = deviceJobOf(views, job, toIsoTime(yield* now))
    const lastPreUpgrade = job.action === "Post-Upgrade" ? yield* preUpgradeCapturesOf(views.jobs, job.hostname) : undefined
    const outcome: DeviceOutcome = Result.isFailure(deviceJob)
      ? { _tag: "Failed", message: deviceJob.failure, warnings: [] }
      : yield* gateway.run({ ...deviceJob.success, ...(lastPreUpgrade !== undefined && { lastPreUpgrade }) }, (update) => Effect.provideContext(report(job.id)(update), context)).pipe(
        Effect.catchCause((cause) =>
          Effect.as(Effect.logError(`Install job ${job.id}: the device driver failed`, cause), {
            _tag: "Failed" as const,
            message: INTERNAL_FAULT,
            warnings: []
          })
        )
      )
    yield* finish(job, outcome).pipe(retryOnConflict)
  }).pipe(Effect.catchCause((cause) => Effect.logError(`Install job ${job.id}: its outcome was not recorded`, cause)))

/** Fails `jobs`, those still running by the time of the append, with `statusMessage`. */
export const failRunningJobs = (jobs: ReadonlyArray<InstallJob>, statusMessage: string) =>
  retryOnConflict(Effect.gen(function*() {
    const at = yield* now
    const changes: Array<StreamChange> = []
    for (const job of jobs) {
      const change = yield* jobChange({ _tag: "FailInstallJob", id: job.id, statusMessage, warnings: [], now: at })
      if (change !== undefined) changes.push(change)
    }
    yield* commit(changes, metadata)
    return changes.length
  }))

/** Fails the jobs a previous run of the server left in progress, saying so. */
export const failInterruptedJobs = Effect.gen(function*() {
  const { views, catchUp } = yield* ReadModels
  yield* catchUp
  return yield* failRunningJobs([...views.jobs.withStatus("in-progress")], INTERRUPTED_BY_RESTART)
})
