import { Result } from "effect"
import { nameKey } from "../shared/names.ts"
import type { Rejected } from "../shared/rejected.ts"
import { reject } from "../shared/rejected.ts"
import type { Resolution } from "./dependencies.ts"
import { inRequestOrder, resolveDependency, unresolved } from "./dependencies.ts"
import type { PlannedJob } from "./job-decider.ts"
import type { InstallJobs } from "./jobs-projection.ts"
import type { PlannerView, RequestedJob } from "./request-row.ts"
import { failedRow, readRequestRow } from "./request-row.ts"
import type { InstallAction } from "./schemas.ts"
import { implicitRank } from "./schemas.ts"

/** A row of the phase-2 answer. */
export type PlanRow =
  | { readonly status: "SUCCESS"; readonly id: number; readonly hostname: string; readonly install_action: InstallAction }
  | {
    readonly status: "FAILED"
    readonly hostname: string
    readonly install_action: InstallAction
    readonly status_message: string
  }

export type InstallPlan =
  /** Phase 1 refused the request (400): every row echoed, nothing to create. */
  | { readonly _tag: "Invalid"; readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>> }
  /** The jobs to create, ids from `firstId` on, and one answer row per request row in creation order (207 when one FAILED). */
  | { readonly _tag: "Planned"; readonly jobs: ReadonlyArray<PlannedJob>; readonly rows: ReadonlyArray<PlanRow> }

/**
 * `POST /api/v1/install` as a pure function. Phase 1 reads every row; one bad row refuses them all.
 * Phase 2 creates the jobs host by host (hosts in case-insensitive name order), each host's jobs in
 * the implicit order, handing out consecutive ids from `firstId` to the rows that are created. The
 * plan thus depends on the set of rows only, never on their order in the request.
 */
export const planInstallRequest = (
  rows: ReadonlyArray<unknown>,
  view: PlannerView,
  now: number,
  firstId: number
): InstallPlan => {
  const read = withoutDuplicates(rows.map((row) => readRequestRow(row, view, now)))
  const valid = read.flatMap((result) => Result.isSuccess(result) ? [result.success] : [])
  if (valid.length < read.length) {
    return {
      _tag: "Invalid",
      rows: read.map((result, index) =>
        failedRow(
          rows[index],
          Result.isFailure(result) ? result.failure.message : "Not submitted. Check other jobs for error message."
        )
      )
    }
  }
  const planned: Array<PlannedJob> = []
  const answer: Array<PlanRow> = []
  for (const request of byHost(valid)) {
    for (const { row, job } of planHost(request, view.jobs, firstId + planned.length)) {
      answer.push(row)
      if (job !== undefined) planned.push(job)
    }
  }
  return { _tag: "Planned", jobs: planned, rows: answer }
}

/** Refuses the second and later rows for one host and action: the guide allows one of each per host. */
const withoutDuplicates = (
  read: ReadonlyArray<Result.Result<RequestedJob, Rejected>>
): ReadonlyArray<Result.Result<RequestedJob, Rejected>> => {
  const seen = new Set<string>()
  return read.map((result) => {
    if (Result.isFailure(result)) return result
    const { hostname, action } = result.success
    const key = `${hostname}\n${action}`
    if (!seen.has(key)) {
      seen.add(key)
      return result
    }
    return reject(
      `More than one entry with the same hostname: '${hostname}' and install_action: '${action}'. Remove any duplicate and resubmit.`
    )
  })
}

/** The requested jobs grouped by host, hosts in case-insensitive name order (names are unique that way). */
const byHost = (jobs: ReadonlyArray<RequestedJob>): ReadonlyArray<ReadonlyArray<RequestedJob>> => {
  const groups = new Map<string, Array<RequestedJob>>()
  for (const job of jobs) {
    const key = nameKey(job.hostname)
    groups.set(key, [...groups.get(key) ?? [], job])
  }
  return [...groups].sort(([a], [b]) => a < b ? -1 : 1).map(([, group]) => group)
}

/**
 * One host's jobs, in the implicit order. Dependencies are resolved in request order, so that a job
 * whose dependency in the request cannot be created is not created either; ids then follow the
 * implicit order.
 */
const planHost = (
  request: ReadonlyArray<RequestedJob>,
  jobs: InstallJobs,
  firstId: number
): ReadonlyArray<{ readonly row: PlanRow; readonly job?: PlannedJob }> => {
  const failed = new Set<RequestedJob>()
  const resolved = [...request].sort(inRequestOrder).map((job) => {
    const found = resolveDependency(job, request, jobs)
    const resolution: Resolution = found._tag === "Requested" && failed.has(found.job)
      ? unresolved(`Its dependency, the ${found.job.action} job of this request, could not be created.`)
      : found
    if (resolution._tag === "Unresolved") failed.add(job)
    return { job, resolution }
  }).sort((a, b) => implicitRank(a.job.action) - implicitRank(b.job.action))
  const created = resolved.flatMap(({ job, resolution }) => resolution._tag === "Unresolved" ? [] : [job])
  const idOf = (job: RequestedJob): number => firstId + created.indexOf(job)
  return resolved.map(({ job, resolution }) => {
    const { hostname, action } = job
    if (resolution._tag === "Unresolved") {
      return { row: { status: "FAILED", hostname, install_action: action, status_message: resolution.message } }
    }
    const id = idOf(job)
    const dependency = resolution._tag === "Existing"
      ? resolution.id
      : resolution._tag === "Requested"
      ? idOf(resolution.job)
      : undefined
    return { row: { status: "SUCCESS", id, hostname, install_action: action }, job: { ...job, id, dependency } }
  })
}
