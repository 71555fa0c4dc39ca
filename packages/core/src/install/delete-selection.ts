import { Result } from "effect"
import type { Rejected } from "../shared/rejected.ts"
import { reject } from "../shared/rejected.ts"
import { allowDeletion, noSuchJob } from "./job-decider.ts"
import type { InstallJob, InstallJobs } from "./jobs-projection.ts"
import type { DeletableStatus } from "./schemas.ts"

/** One job by id; or a host's jobs (by canonical name) and/or the jobs in one status. */
export type DeleteSelection =
  | { readonly id: number }
  | { readonly hostname?: string; readonly status?: DeletableStatus }

/** One answer row: a deleted job with every job that went with it, or a job that cannot be deleted. */
export type DeleteOutcome =
  | { readonly _tag: "Deleted"; readonly id: number; readonly dependents: ReadonlyArray<number> }
  | { readonly _tag: "Refused"; readonly id: number; readonly message: string }

/**
 * What `DELETE /api/v1/install/delete` does, in id order. A deleted job takes all its transitive
 * dependents with it; a selected job that one of them already is gets no row of its own, it is
 * listed in the dependents of the job that took it along.
 */
export const selectDeletions = (
  jobs: InstallJobs,
  selection: DeleteSelection
): Result.Result<ReadonlyArray<DeleteOutcome>, Rejected> =>
  Result.map(select(jobs, selection), (selected) => {
    const verdicts = selected.sort((a, b) => a.id - b.id).map((job) => ({ job, verdict: allowDeletion(job.id, job.status) }))
    const deletable = new Set(verdicts.filter(({ verdict }) => Result.isSuccess(verdict)).map(({ job }) => job.id))
    return verdicts.flatMap(({ job, verdict }): ReadonlyArray<DeleteOutcome> =>
      Result.isFailure(verdict)
        ? [{ _tag: "Refused", id: job.id, message: verdict.failure.message }]
        : dependsOnAny(jobs, job, deletable)
        ? []
        : [{ _tag: "Deleted", id: job.id, dependents: transitiveDependents(jobs, job.id) }]
    )
  })

const select = (jobs: InstallJobs, selection: DeleteSelection): Result.Result<Array<InstallJob>, Rejected> => {
  if ("id" in selection) {
    const job = jobs.get(selection.id)
    return job === undefined ? reject(noSuchJob(selection.id)) : Result.succeed([job])
  }
  const { hostname, status } = selection
  const candidates = hostname !== undefined
    ? jobs.ofHost(hostname)
    : status !== undefined
    ? jobs.withStatus(status)
    : undefined
  if (candidates === undefined) return reject("Give an id, a hostname or a status to select the install jobs to delete.")
  // A host alone selects what can still change: its completed jobs are history, not candidates.
  return Result.succeed(
    [...candidates].filter((job) => status === undefined ? job.status !== "completed" : job.status === status)
  )
}

/** Whether one of `ids` is among the job's dependencies, transitively. */
const dependsOnAny = (jobs: InstallJobs, job: InstallJob, ids: ReadonlySet<number>): boolean => {
  for (let dependency = job.dependency; dependency !== undefined; dependency = jobs.get(dependency)?.dependency) {
    if (ids.has(dependency)) return true
  }
  return false
}

/**
 * Every job that depends on `id`, transitively, in id order. They are all scheduled: a job starts
 * only once its dependency completed, and a deletable job never did.
 */
const transitiveDependents = (jobs: InstallJobs, id: number): ReadonlyArray<number> => {
  const found: Array<number> = []
  const pending = [id]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const dependent of jobs.dependentsOf(next)) {
      found.push(dependent)
      pending.push(dependent)
    }
  }
  return found.sort((a, b) => a - b)
}
