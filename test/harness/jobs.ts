import { setTimeout as pause } from "node:timers/promises"
import type { ServerProcess } from "../../packages/server/src/testing/server-process.ts"
import { getOk, postAll } from "./csm.ts"

/** Install jobs through the API: schedule rows, read them back, wait until they reach a state. */

export interface JobRow {
  readonly id: number
  readonly hostname: string
  readonly install_action: string
  readonly dependency: number | ""
  readonly packages: string
  readonly scheduled_time: string
  readonly start_time: string
  readonly status: "scheduled" | "in-progress" | "completed" | "failed"
  readonly status_time: string
  readonly status_message: string
  readonly package_change_list: string
  readonly warnings_or_errors: string
}

/** Schedules rows that must all be accepted; answers their ids in the order of the answer's rows. */
export const schedule = async (server: ServerProcess, rows: ReadonlyArray<Record<string, unknown>>): Promise<ReadonlyArray<number>> => {
  const answered = await postAll(server, "/api/v1/install", rows, "install_job_list")
  return answered.map((row) => Number(row["id"]))
}

/** The id of the one scheduled job of that host and action. */
export const idOf = (rows: ReadonlyArray<JobRow>, hostname: string, action: string): number => {
  const found = rows.filter((row) => row.hostname === hostname && row.install_action === action)
  if (found.length !== 1) throw new Error(`Expected one ${action} job of ${hostname}, found ${found.length}`)
  return found[0]!.id
}

export const listJobs = async (server: ServerProcess, query = ""): Promise<ReadonlyArray<JobRow>> => {
  const answer = (await getOk(server, `/api/v1/install${query === "" ? "" : `?${query}`}`)) as { install_job_list: ReadonlyArray<JobRow> }
  return answer.install_job_list
}

export const jobById = async (server: ServerProcess, id: number): Promise<JobRow> => {
  const [row] = await listJobs(server, `id=${id}`)
  if (row === undefined) throw new Error(`No install job ${id}`)
  return row
}

/** Poll spacing: leaves the server's two cores to the jobs. */
const POLL_MS = 100

/**
 * Reads the jobs until `holds` accepts them, then answers them; past `withinMs` it fails with the
 * jobs as they last were, so that a hang reads like a finding rather than a timeout.
 */
export const waitForJobs = async (
  server: ServerProcess,
  holds: (rows: ReadonlyArray<JobRow>) => boolean,
  withinMs: number,
  query = ""
): Promise<ReadonlyArray<JobRow>> => {
  const deadline = Date.now() + withinMs
  for (;;) {
    const rows = await listJobs(server, query)
    if (holds(rows)) return rows
    if (Date.now() > deadline) throw new Error(`The jobs did not reach the awaited state within ${withinMs} ms:\n${JSON.stringify(rows, null, 1)}`)
    await pause(POLL_MS)
  }
}

export const isFinished = (row: JobRow): boolean => row.status === "completed" || row.status === "failed"

/** Milliseconds of an API time (RFC 1123, second precision). */
export const instant = (text: string): number => {
  const ms = Date.parse(text)
  if (Number.isNaN(ms)) throw new Error(`Not an API time: "${text}"`)
  return ms
}
