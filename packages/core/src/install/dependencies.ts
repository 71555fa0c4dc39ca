import type { InstallJob, InstallJobs } from "./jobs-projection.ts"
import type { RequestedJob } from "./request-row.ts"
import type { InstallAction } from "./schemas.ts"
import { implicitRank, takesDependency } from "./schemas.ts"

/** What a requested job depends on: nothing, an existing job, another job of the same request, or why it cannot be created. */
export type Resolution =
  | { readonly _tag: "None" }
  | { readonly _tag: "Existing"; readonly id: number }
  | { readonly _tag: "Requested"; readonly job: RequestedJob }
  | { readonly _tag: "Unresolved"; readonly message: string }

const NONE: Resolution = { _tag: "None" }
export const unresolved = (message: string): Resolution => ({ _tag: "Unresolved", message })

/**
 * The order of one host's jobs in a request: by scheduled time, then by the implicit order. A job
 * depends only on a job of its request that comes before it in this order, so a request can never
 * make a cycle.
 */
export const inRequestOrder = (a: RequestedJob, b: RequestedJob): number =>
  a.scheduledAt - b.scheduledAt || implicitRank(a.action) - implicitRank(b.action)

/** The dependency of `job`, among the jobs `request` schedules for the same host and the existing ones. */
export const resolveDependency = (job: RequestedJob, request: ReadonlyArray<RequestedJob>, jobs: InstallJobs): Resolution => {
  const { dependency } = job
  if (dependency === undefined) return implicit(job, request)
  return typeof dependency === "number" ? byId(job, dependency, jobs) : byAction(job, dependency, request, jobs)
}

/** The nearest earlier chain action that the request also schedules for the host, scheduled no later. */
const implicit = (job: RequestedJob, request: ReadonlyArray<RequestedJob>): Resolution => {
  if (!takesDependency(job.action)) return NONE
  const rank = implicitRank(job.action)
  const nearest = request
    .filter((other) => implicitRank(other.action) < rank && other.scheduledAt <= job.scheduledAt)
    .sort((a, b) => implicitRank(b.action) - implicitRank(a.action))
    .at(0)
  return nearest === undefined ? NONE : { _tag: "Requested", job: nearest }
}

const byId = (job: RequestedJob, id: number, jobs: InstallJobs): Resolution => {
  const other = jobs.get(id)
  if (other === undefined) return unresolved(`Dependency install job ${id} does not exist.`)
  if (other.hostname !== job.hostname) {
    return unresolved(`Dependency install job ${id} belongs to host "${other.hostname}", not "${job.hostname}".`)
  }
  if (other.scheduledAt > job.scheduledAt) return unresolved(`Dependency install job ${id} is scheduled later than this job.`)
  return { _tag: "Existing", id }
}

/** The latest-scheduled job of `action` for the host, no later than `job`: the request's own first, then existing ones. */
const byAction = (
  job: RequestedJob,
  action: InstallAction,
  request: ReadonlyArray<RequestedJob>,
  jobs: InstallJobs
): Resolution => {
  const requested = request.find((other) => other.action === action && inRequestOrder(other, job) < 0)
  if (requested !== undefined) return { _tag: "Requested", job: requested }
  let latest: InstallJob | undefined
  for (const other of jobs.ofHost(job.hostname)) {
    if (other.action !== action || other.scheduledAt > job.scheduledAt) continue
    if (latest === undefined || other.scheduledAt > latest.scheduledAt || (other.scheduledAt === latest.scheduledAt && other.id > latest.id)) {
      latest = other
    }
  }
  return latest === undefined
    ? unresolved(`Dependency "${action}" cannot be resolved: no ${action} job of host "${job.hostname}" is scheduled at or before this job.`)
    : { _tag: "Existing", id: latest.id }
}
