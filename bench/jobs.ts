import { check, finish, format, percentile, show } from "./measure.ts"
import { POLL_MS, RSS_SAMPLE_MS, runJobChains } from "./job-run.ts"

/**
 * Issue 6: install jobs end to end (`job-run.ts`): the built `csm-server` on the SQLite store with
 * its default of 100 concurrent jobs, and a full Pre-Upgrade→Commit chain for every router of
 * `csm-lab`, due now.
 *
 * `--hosts N` (default 1,000) and `--time-scale F` (default 0.01) override the defaults.
 */

const option = (flag: string): number | undefined => {
  const index = process.argv.indexOf(flag)
  return index === -1 ? undefined : Number(process.argv[index + 1])
}

const HOSTS = option("--hosts") ?? 1_000
const TIME_SCALE = option("--time-scale") ?? 0.01

const { labSeconds, scheduled, postMs, wallMs, jobs, peakPolled, peakServerRss, peakLabRss, benchCpuMs } = await runJobChains({
  hosts: HOSTS,
  timeScale: TIME_SCALE,
  servers: [{}]
})

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
  `jobs: ${format(HOSTS)} hosts × the full chain (${format(scheduled)} jobs) against ${format(HOSTS)} routers of csm-lab ` +
    `(mixed: classic over telnet, eXR over SSH); csm-server on SQLite, 100 concurrent jobs, time scale ${TIME_SCALE}`
)
show("lab started", `${format(labSeconds, 1)} s`)
show(`POST ${format(scheduled)} jobs`, `${format(postMs)} ms`)
show("all jobs ended, wall time", `${format(wallMs / 1000, 1)} s`, `from the POST; polled every ${POLL_MS / 1000} s`)
show("— jobs completed per second", format(completed.length / (wallMs / 1000), 1))
show("— peak in-progress, polled", format(peakPolled), "limit 100")
show("— peak in-progress, from times", format(peakFromTimes), "1 s resolution, a lower bound")
show("due → started, p50", seconds(percentile(dueToStart, 50)), `p99 ${seconds(percentile(dueToStart, 99))}`)
show("dependency done → started, p50", seconds(percentile(followWaits, 50)), `p99 ${seconds(percentile(followWaits, 99))}; the next job of a chain`)
show("— longest", longest.map(({ wait }) => seconds(wait)).join(", "), longest.map(({ job }) => `job ${job.id} ${job.install_action}`).join(", "))
show("server RSS, peak", `${format(peakServerRss / 2 ** 20)} MiB`, `sampled every ${RSS_SAMPLE_MS} ms`)
show("lab RSS, peak", `${format(peakLabRss / 2 ** 20)} MiB`, `${format(HOSTS)} routers`)
show("benchmark's own CPU while polling", `${format(benchCpuMs)} ms`)
check("jobs completed", `${format(completed.length)} / ${format(scheduled)}`, completed.length === scheduled, "all, no failure")
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
