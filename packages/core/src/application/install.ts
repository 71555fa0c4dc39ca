import { Clock, Effect, Result } from "effect"
import { nameLookup } from "../directories/projection.ts"
import type { DeleteSelection } from "../install/delete-selection.ts"
import { selectDeletions } from "../install/delete-selection.ts"
import { INSTALL_JOB_IDS_STREAM, installJobStream } from "../install/events.ts"
import { installJobDecider } from "../install/job-decider.ts"
import { jobIdsDecider } from "../install/job-ids.ts"
import { planInstallRequest } from "../install/planner.ts"
import { ExpectedVersion } from "../store/event-store.ts"
import { commit, retryOnConflict } from "./commit.ts"
import { hostLookup } from "./hosts.ts"
import { ReadModels } from "./read-models.ts"
import type { StreamChange } from "./stream-change.ts"

/** The change a decider makes to a stream that the read model already knows at `version`. */
const changeAt = (stream: string, version: number, events: ReadonlyArray<{ readonly _tag: string }>): StreamChange => ({
  stream,
  expected: ExpectedVersion.Exact(version),
  events
})

/** Unwraps a decision the planner already guaranteed; a refusal here is a bug in the planner. */
const surely = <A>(result: Result.Result<A, { readonly message: string }>): A => {
  if (Result.isFailure(result)) throw new Error(`The planner let through a job the decider refuses: ${result.failure.message}`)
  return result.success
}

/**
 * `POST /api/v1/install`: plan the request (validation, then dependencies), then append the id
 * reservation and every new job in one atomic write. Another request reserving ids at the same
 * time makes the append conflict; the request is then planned again on the fresh read models.
 */
export const scheduleInstall = (rows: ReadonlyArray<unknown>, actor: string) =>
  retryOnConflict(Effect.gen(function*() {
    const { views } = yield* ReadModels
    const now = yield* Clock.currentTimeMillis
    const sequence = views.jobs.idSequence
    const plan = planInstallRequest(rows, {
      hosts: hostLookup(views),
      serverRepositories: nameLookup(views.serverRepositories),
      commandProfiles: nameLookup(views.commandProfiles),
      jobs: views.jobs
    }, now, sequence.next)
    if (plan._tag === "Invalid" || plan.jobs.length === 0) return plan
    const reservation = surely(jobIdsDecider.decide({ _tag: "ReserveInstallJobIds", count: plan.jobs.length }, sequence))
    const changes = [changeAt(INSTALL_JOB_IDS_STREAM, sequence.version, reservation)]
    for (const job of plan.jobs) {
      const command = { _tag: "ScheduleInstallJob", job, createdBy: actor, now } as const
      changes.push(changeAt(installJobStream(job.id), 0, surely(installJobDecider.decide(command, installJobDecider.initialState))))
    }
    yield* commit(changes, { actor })
    return plan
  }))

/**
 * `DELETE /api/v1/install/delete`: each selected job with everything that depends on it, in one
 * atomic write; the answer rows come from the same selection.
 */
export const deleteInstallJobs = (selection: DeleteSelection, actor: string) =>
  retryOnConflict(Effect.gen(function*() {
    const { views } = yield* ReadModels
    const now = yield* Clock.currentTimeMillis
    const outcomes = selectDeletions(views.jobs, selection)
    if (Result.isFailure(outcomes)) return outcomes
    const changes: Array<StreamChange> = []
    for (const outcome of outcomes.success) {
      if (outcome._tag === "Refused") continue
      const deletions = [
        { id: outcome.id, cause: { _tag: "Requested" } as const },
        ...outcome.dependents.map((id) => ({ id, cause: { _tag: "DependencyDeleted", id: outcome.id } as const }))
      ]
      for (const { id, cause } of deletions) {
        const job = views.jobs.get(id)!
        const state = job.status
        const events = surely(installJobDecider.decide({ _tag: "DeleteInstallJob", id, cause, now }, state))
        changes.push(changeAt(installJobStream(id), job.version, events))
      }
    }
    yield* commit(changes, { actor })
    return outcomes
  }))
