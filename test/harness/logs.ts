import { strFromU8, unzipSync } from "fflate"
import type { ServerProcess } from "../../packages/server/src/testing/server-process.ts"
import { ADMIN } from "./csm.ts"

/** A job's log zip (GET /api/v1/install/logs/<id>): its one directory and its files by name. */
export interface JobLogs {
  /** `<host>-<yyyy_mm_dd_hh_mm_ss>-<id>` (DEVICE.md §7). */
  readonly directory: string
  readonly files: ReadonlyMap<string, string>
}

export const jobLogs = async (server: ServerProcess, id: number): Promise<JobLogs> => {
  const reply = await server.get(`/api/v1/install/logs/${id}`, ADMIN)
  if (reply.status !== 200) throw new Error(`The logs of job ${id} answered ${reply.status}: ${reply.text}`)
  if (reply.headers.get("content-type") !== "application/zip") throw new Error(`The logs of job ${id} are not a zip: ${reply.headers.get("content-type")}`)
  const entries = Object.entries(unzipSync(reply.bytes)).map(([path, bytes]) => [path.split("/"), strFromU8(bytes)] as const)
  const directories = new Set(entries.map(([parts]) => (parts.length === 2 ? parts[0] : "")))
  if (directories.size !== 1 || directories.has("")) throw new Error(`The zip of job ${id} is not one directory of files: ${entries.map(([parts]) => parts.join("/"))}`)
  return { directory: [...directories][0]!, files: new Map(entries.map(([parts, text]) => [parts[1]!, text])) }
}

/** `<ISO-8601 UTC> <LEVEL> [<step>] <message>` (DEVICE.md §7). */
export const STEP_LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z [A-Z]+ \[[^\]]+\] .*$/
