import { mkdtempSync, rmSync } from "node:fs"
import { Agent } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { IMPLICIT_CHAIN } from "@csm/core"
import { expectOk, send } from "./http-client.ts"
import { check, finish, format, percentile, show } from "./measure.ts"
import { spawnNode, startListening } from "./processes.ts"

/**
 * Issue 6: install jobs end to end. `csm-lab` runs the simulated routers (half classic XR, reached
 * over telnet, half eXR, over SSH) in a child process; the built `csm-server`, another child on
 * the SQLite store with its default of 100 concurrent jobs, gets the region, repositories and hosts
 * through the API, then one request of a full Pre-Upgrade→Commit chain for every host, due now.
 * The benchmark polls `GET /api/v1/install` until every job has ended, sampling the server's RSS.
 *
 * `--hosts N` (default 1,000) and `--time-scale F` (default 0.1) override the defaults.
 */

const option = (flag: string): number | undefined => {
  const index = process.argv.indexOf(flag)
  return index === -1 ? undefined : Number(process.argv[index + 1])
}

const HOSTS = option("--hosts") ?? 1_000
/**
 * The fastest scale at which every job completed on this machine: at 0.001 to 0.02 SSH logins and
 * command echoes overrun the driver's timeouts (floored at 200 ms by the server) under this load,
 * and at 0.05 a few did (docs/benchmarks.md).
 */
const TIME_SCALE = option("--time-scale") ?? 0.1
const POLL_MS = 1_000
const RSS_SAMPLE_MS = 250
/** The benchmark gives up when the jobs have not all ended by then. */
const DEADLINE_MS = 15 * 60_000

const MAIN = fileURLToPath(new URL("../../packages/server/dist/main.js", import.meta.url))
const LAB = fileURLToPath(new URL("../../packages/server/dist/lab/main.js", import.meta.url))
const directory = mkdtempSync(join(tmpdir(), "csm-jobs-bench-"))
process.once("exit", () => rmSync(directory, { recursive: true, force: true }))
const ADMIN = "admin:bench-admin-password"

/** A Hitless SMU of each personality's release in the bundled catalog: no reload in the chain. */
const PACKAGE = {
  xr: "asr9k-px-5.3.3.CSCux89921.pie",
  exr: "asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904.x86_64.rpm"
} as const
const PROFILE = "bench-profile"

interface LabRouter {
  readonly hostname: string
  readonly os: keyof typeof PACKAGE
  readonly ssh_port: number
  readonly telnet_port: number
  readonly username: string
  readonly password: string
  readonly repository: { readonly hostname: string } & Record<string, string>
  readonly packages: ReadonlyArray<string>
}

interface JobRow {
  readonly id: number
  readonly hostname: string
  readonly install_action: string
  readonly dependency: number | ""
  readonly status: string
  readonly status_message: string
  readonly scheduled_time: string
  readonly start_time: string
  readonly status_time: string
}

// --- The routers, then the server.
const labStarted = performance.now()
const lab = spawnNode(LAB, ["--count", String(HOSTS), "--os", "mixed", "--time-scale", String(TIME_SCALE)])
const routers = await lab.until(
  (lines) => lines.length >= HOSTS ? lines.slice(0, HOSTS).map((line) => JSON.parse(line) as LabRouter) : undefined,
  `${HOSTS} routers`
)
const labSeconds = (performance.now() - labStarted) / 1000
for (const router of routers) {
  if (!router.packages.includes(PACKAGE[router.os])) throw new Error(`${router.hostname} does not offer ${PACKAGE[router.os]}.`)
}

const server = await startListening(MAIN, [], {
  CSM_DATA_DIR: join(directory, "data"),
  CSM_ADMIN_PASSWORD: ADMIN.slice(ADMIN.indexOf(":") + 1),
  CSM_DEVICE_TIME_SCALE: String(TIME_SCALE),
  CSM_CCO_REFRESH_SECONDS: "0"
})
let peakRss = server.rss()
let peakLabRss = lab.rss()
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, server.rss())
  peakLabRss = Math.max(peakLabRss, lab.rss())
}, RSS_SAMPLE_MS)

const agent = new Agent({ keepAlive: true, maxSockets: 4 })
const api = (path: string) => `${server.base}/api/v1/${path}`
const post = (path: string, rows: unknown, auth: string) =>
  expectOk(send(api(path), { agent, method: "POST", auth, body: JSON.stringify(rows) }), `POST ${path}`)
const token = `${(JSON.parse((await expectOk(send(api("token"), { agent, auth: ADMIN }), "GET token")).toString()) as { token: string }).token}:unused`
const get = async <A>(path: string, key: string): Promise<ReadonlyArray<A>> =>
  (JSON.parse((await expectOk(send(api(path), { agent, auth: token }), `GET ${path}`)).toString()) as {
    api_response: Record<string, ReadonlyArray<A>>
  }).api_response[key]!

// --- The directory and the hosts through the API.
const repositories = [...new Map(routers.map(({ repository }) => [repository.hostname, repository])).values()]
await post("server_repositories", repositories, token)
await post("regions", { region_name: "lab", server_repositories: repositories.map(({ hostname }) => hostname) }, token)
await post("custom_command_profiles", { profile_name: PROFILE, command_list: ["show version", "show install active summary"] }, token)
await post("hosts", routers.map((router) => ({
  hostname: router.hostname,
  region: "lab",
  connection_type: router.os === "exr" ? "ssh" : "telnet",
  ts_or_ip: "127.0.0.1",
  port_number: String(router.os === "exr" ? router.ssh_port : router.telnet_port),
  username: router.username,
  password: router.password
})), token)

// --- Every host's full chain in one request, due now; then poll until every job has ended.
const fieldsOf = (router: LabRouter) => ({
  "Pre-Upgrade": { command_profile: PROFILE },
  Add: { server_repository: router.repository.hostname, software_packages: PACKAGE[router.os] },
  Activate: { software_packages: PACKAGE[router.os] },
  "Post-Upgrade": { command_profile: PROFILE },
  Commit: {}
})
const rows = routers.flatMap((router) =>
  IMPLICIT_CHAIN.map((install_action) => ({ hostname: router.hostname, install_action, ...fieldsOf(router)[install_action] }))
)
const cpuBefore = process.cpuUsage()
const posted = performance.now()
await post("install", rows, token)
const postMs = performance.now() - posted

let peakPolled = 0
/** A scheduled job that can never run: behind a failed job, directly or through other scheduled ones. */
const stuck = (job: JobRow, byId: ReadonlyMap<number, JobRow>): boolean => {
  const dependency = job.dependency === "" ? undefined : byId.get(job.dependency)
  return dependency !== undefined && (dependency.status === "failed" || (dependency.status === "scheduled" && stuck(dependency, byId)))
}
const allEnded = async () => {
  const running = await get<JobRow>("install?status=in-progress", "install_job_list")
  peakPolled = Math.max(peakPolled, running.length)
  if (running.length > 0) return false
  // Only when nothing runs (rarely): is every job still scheduled stuck behind a failed one?
  const all = await get<JobRow>("install", "install_job_list")
  const byId = new Map(all.map((job) => [job.id, job]))
  return all.every((job) => job.status !== "scheduled" || stuck(job, byId))
}
while (!(await allEnded())) {
  if (performance.now() - posted > DEADLINE_MS) throw new Error(`The jobs had not all ended after ${DEADLINE_MS / 60_000} minutes.`)
  await new Promise((resolve) => setTimeout(resolve, POLL_MS))
}
const wallMs = performance.now() - posted
const benchCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore))
clearInterval(sampler)
const jobs = await get<JobRow>("install", "install_job_list")
await Promise.all([server.stop(), lab.stop()])
agent.destroy()

// --- Figures from the jobs' own times (RFC 1123: whole seconds).
const at = (time: string) => Date.parse(time)
const byId = new Map(jobs.map((job) => [job.id, job]))
const started = jobs.filter((job) => job.start_time !== "")
const completed = jobs.filter((job) => job.status === "completed")
const failed = jobs.filter((job) => job.status === "failed")
const blocked = jobs.filter((job) => job.status === "scheduled")
/** Most jobs running in one second: ends count before starts of the same second, so this is a lower bound. */
const peakFromTimes = (() => {
  const changes = started.flatMap((job) => [[at(job.start_time), 1], [at(job.status_time), -1]] as const)
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let running = 0
  let peak = 0
  for (const [, change] of changes) peak = Math.max(peak, (running += change))
  return peak
})()
const seconds = (ms: number) => `${format(ms / 1000)} s`
const dueToStart = started.map((job) => at(job.start_time) - at(job.scheduled_time))
/** A dependent job's wait from its dependency's completion: how promptly the scheduler follows a chain. */
const dependents = started.flatMap((job) => {
  const dependency = job.dependency === "" ? undefined : byId.get(job.dependency)
  return dependency === undefined ? [] : [{ job, wait: at(job.start_time) - Math.max(at(job.scheduled_time), at(dependency.status_time)) }]
})
const followWaits = dependents.map(({ wait }) => wait)
const longest = [...dependents].sort((a, b) => b.wait - a.wait).slice(0, 3)

console.log(
  `jobs: ${format(HOSTS)} hosts × the full chain (${format(rows.length)} jobs) against ${format(HOSTS)} routers of csm-lab ` +
    `(mixed: classic over telnet, eXR over SSH); csm-server on SQLite, 100 concurrent jobs, time scale ${TIME_SCALE}`
)
show("lab started", `${format(labSeconds, 1)} s`)
show(`POST ${format(rows.length)} jobs`, `${format(postMs)} ms`)
show("all jobs ended, wall time", `${format(wallMs / 1000, 1)} s`, `from the POST; polled every ${POLL_MS / 1000} s`)
show("— jobs completed per second", format(completed.length / (wallMs / 1000), 1))
show("— peak in-progress, polled", format(peakPolled), "limit 100")
show("— peak in-progress, from times", format(peakFromTimes), "1 s resolution, a lower bound")
show("due → started, p50", seconds(percentile(dueToStart, 50)), `p99 ${seconds(percentile(dueToStart, 99))}`)
show("dependency done → started, p50", seconds(percentile(followWaits, 50)), `p99 ${seconds(percentile(followWaits, 99))}; the next job of a chain`)
show("— longest", longest.map(({ wait }) => seconds(wait)).join(", "), longest.map(({ job }) => `job ${job.id} ${job.install_action}`).join(", "))
show("server RSS, peak", `${format(peakRss / 2 ** 20)} MiB`, `sampled every ${RSS_SAMPLE_MS} ms`)
show("lab RSS, peak", `${format(peakLabRss / 2 ** 20)} MiB`, `${format(HOSTS)} routers`)
show("benchmark's own CPU while polling", `${format(benchCpuMs)} ms`)
check("jobs completed", `${format(completed.length)} / ${format(rows.length)}`, completed.length === rows.length, "all, no failure")
if (blocked.length > 0) show("— never started: behind a failed job", format(blocked.length))
// Grouped by action and message, the routers' ports left out.
const messages = new Map<string, number>()
for (const job of failed) {
  const message = `${job.install_action}: ${job.status_message.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>")}`
  messages.set(message, (messages.get(message) ?? 0) + 1)
}
for (const [message, count] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  FAILED ×${count} ${message}`)
for (const job of failed.slice(0, 5)) console.log(`  e.g. job ${job.id} on ${job.hostname}`)
finish()
