import { Result } from "effect"
import type { Rejected } from "../shared/rejected.ts"
import { reject } from "../shared/rejected.ts"
import { noSuchJob } from "./job-decider.ts"
import type { InstallJob, InstallJobs } from "./jobs-projection.ts"
import type { InstallAction, JobStatus } from "./schemas.ts"

/** The filters of `GET /api/v1/install`, already read from the query string. */
export interface JobFilter {
  /** When given, every other filter is ignored. */
  readonly id?: number
  /** A canonical host name. */
  readonly hostname?: string
  readonly action?: InstallAction
  readonly status?: JobStatus
  /** Jobs scheduled at or after this instant. */
  readonly scheduledFrom?: number
}

export const MAX_RESULTS = 5000

/** The jobs that match every filter, ordered by id; more than 5000 is an error. */
export const queryJobs = (jobs: InstallJobs, filter: JobFilter): Result.Result<ReadonlyArray<InstallJob>, Rejected> => {
  if (filter.id !== undefined) {
    const job = jobs.get(filter.id)
    return job === undefined ? reject(noSuchJob(filter.id)) : Result.succeed([job])
  }
  // Start from the narrowest index at hand.
  const candidates = filter.hostname !== undefined
    ? jobs.ofHost(filter.hostname)
    : filter.status !== undefined
    ? jobs.withStatus(filter.status)
    : jobs.all()
  const found: Array<InstallJob> = []
  for (const job of candidates) {
    if (matches(job, filter) && found.push(job) > MAX_RESULTS) {
      return reject("Too many results; please refine your request.")
    }
  }
  return Result.succeed(found.sort((a, b) => a.id - b.id))
}

const matches = (job: InstallJob, filter: JobFilter): boolean =>
  (filter.hostname === undefined || job.hostname === filter.hostname) &&
  (filter.action === undefined || job.action === filter.action) &&
  (filter.status === undefined || job.status === filter.status) &&
  (filter.scheduledFrom === undefined || job.scheduledAt >= filter.scheduledFrom)
