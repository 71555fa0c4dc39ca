import { setTimeout as pause } from "node:timers/promises"
import type { ServerProcess } from "../packages/server/src/testing/server-process.ts"
import { getOk, startCsm } from "./harness/csm.ts"
import type { JobRow } from "./harness/jobs.ts"
import { isFinished, listJobs, schedule, waitForJobs } from "./harness/jobs.ts"
import { addHosts, addRegion, addTftpRepository } from "./harness/lab.ts"
import type { JobLogs } from "./harness/logs.ts"
import { jobLogs } from "./harness/logs.ts"
import type { LaterMinute } from "./harness/scheduled-time.ts"
import { makeScenario } from "./harness/scenario.ts"
import { nextMinuteAtLeast } from "./harness/scheduled-time.ts"

/**
 * Issue 6 item 4: csm-server on a SQLite store, killed (SIGKILL) while an Add runs, then started again on
 * the same data directory. Around it: a completed Pre-Upgrade, a Commit for 2099, and a Post-Upgrade
 * scheduled for the next whole minute.
 */

const TIME_SCALE = 0.001
const SMU = "asr9k-px-5.3.3.CSCuz05961.pie"
export const ADD_COMMAND = `admin install add source tftp://10.1.1.10/images/533 ${SMU} async`

export interface RestartRun {
  readonly ids: { readonly pre: number; readonly far: number; readonly later: number; readonly interrupted: number }
  readonly later: LaterMinute
  readonly killed: { readonly code: number | null; readonly signal: NodeJS.Signals | null }
  readonly before: { readonly jobs: ReadonlyArray<JobRow>; readonly hosts: unknown; readonly logs: JobLogs }
  /** Right after the restart. */
  readonly restarted: { readonly jobs: ReadonlyArray<JobRow>; readonly logs: JobLogs }
  /** Once the later job has finished. */
  readonly after: { readonly jobs: ReadonlyArray<JobRow>; readonly hosts: unknown }
  readonly stop: () => Promise<void>
}

/** Reads the job's logs until the transcript shows `text`: the server has then stored that much. */
const untilLogged = async (server: ServerProcess, id: number, text: string, withinMs: number): Promise<JobLogs> => {
  const deadline = Date.now() + withinMs
  for (;;) {
    const logs = await jobLogs(server, id).catch(() => undefined)
    if (logs?.files.get("session.log")?.includes(text) === true) return logs
    if (Date.now() > deadline) throw new Error(`Job ${id}'s session.log did not show "${text}" within ${withinMs} ms`)
    await pause(100)
  }
}

export const runRestart = async (): Promise<RestartRun> => {
  const { tmp, lab, keep, stop } = makeScenario()
  const start = () => keep(startCsm({ timeScale: TIME_SCALE, dataDir: tmp.path, store: "sqlite" }))
  try {
    const steady = await lab.router({ flavour: "xr", hostname: "PE5", timeScale: TIME_SCALE })
    // At the real time scale an Add lasts a simulated minute: the server is killed in the middle of it.
    const slow = await lab.router({ flavour: "xr", hostname: "PE6", timeScale: 1 })
    const first = await start()
    await addRegion(first)
    await addTftpRepository(first, "repo-533", "10.1.1.10/images/533")
    await addHosts(first, [
      { hostname: "steady", router: steady, transport: "ssh" },
      { hostname: "slow", router: slow, transport: "telnet" }
    ])

    const [pre] = await schedule(first, [{ hostname: "steady", install_action: "Pre-Upgrade" }])
    await waitForJobs(first, (rows) => rows.some((row) => row.id === pre && row.status === "completed"), 20_000)
    const [far] = await schedule(first, [{ hostname: "steady", install_action: "Commit", scheduled_time: "01-01-2099 08:00 AM", utc_offset: "+00:00" }])
    // Minute precision: the margin covers what comes before the kill; a restart that ends after the time runs it at once.
    const later = nextMinuteAtLeast(6_000)
    const [laterId] = await schedule(first, [{ hostname: "steady", install_action: "Post-Upgrade", ...later.row }])
    const [interrupted] = await schedule(first, [{ hostname: "slow", install_action: "Add", server_repository: "repo-533", software_packages: SMU }])
    const ids = { pre: pre!, far: far!, later: laterId!, interrupted: interrupted! }

    const logs = await untilLogged(first, ids.interrupted, ADD_COMMAND, 20_000)
    const before = { jobs: await listJobs(first), hosts: await getOk(first, "/api/v1/hosts"), logs }
    const killed = await first.stop("SIGKILL")

    const second = await start()
    const restarted = { jobs: await listJobs(second), logs: await jobLogs(second, ids.interrupted) }
    const jobs = await waitForJobs(second, (rows) => rows.some((row) => row.id === ids.later && isFinished(row)), later.at.getTime() - Date.now() + 30_000)
    const after = { jobs, hosts: await getOk(second, "/api/v1/hosts") }
    return { ids, later, killed, before, restarted, after, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
