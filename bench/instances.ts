import { randomBytes } from "node:crypto"
import { check, finish, format, show } from "./measure.ts"
import type { JobRun } from "./job-run.ts"
import { runJobChains } from "./job-run.ts"
import { scratchDatabase } from "@csm/adapters-store/postgres/testing"

/**
 * Issue 7: several servers on one PostgreSQL store (`job-run.ts`). The same full chains on fresh
 * routers and a fresh database three times: one server with CONCURRENCY jobs at once (the
 * baseline); two servers with half of it each (what sharing the work costs: claims that conflict,
 * leases, two read models); and two servers with CONCURRENCY each (what a second server adds).
 * Skipped without `CSM_BENCH_POSTGRES` or `CSM_TEST_POSTGRES`.
 *
 * `--hosts N` (default 200) and `--time-scale F` (default 0.01) override the defaults.
 */

const option = (flag: string): number | undefined => {
  const index = process.argv.indexOf(flag)
  return index === -1 ? undefined : Number(process.argv[index + 1])
}

const HOSTS = option("--hosts") ?? 200
const TIME_SCALE = option("--time-scale") ?? 0.01
const CONCURRENCY = 100
/** Sharing the work may cost this much of one server's throughput at most. */
const TARGET_RATIO = 0.8

const url = process.env["CSM_BENCH_POSTGRES"] ?? process.env["CSM_TEST_POSTGRES"]
if (url === undefined) {
  console.log("instances: skipped, no PostgreSQL (set CSM_BENCH_POSTGRES or CSM_TEST_POSTGRES)")
  process.exit(0)
}

/** A run on a database of its own, dropped afterwards; the servers share one secret key. */
const runOn = async (name: string, concurrencies: ReadonlyArray<number>): Promise<JobRun> => {
  const database = await scratchDatabase(url, `csm_bench_${name}_${process.pid}`)
  const secretKey = randomBytes(32).toString("hex")
  try {
    return await runJobChains({
      hosts: HOSTS,
      timeScale: TIME_SCALE,
      servers: concurrencies.map((concurrency) => ({
        CSM_STORE: database.url,
        CSM_SECRET_KEY: secretKey,
        CSM_MAX_CONCURRENT_JOBS: String(concurrency)
      }))
    })
  } finally {
    await database.drop()
  }
}

const completed = (run: JobRun) => run.jobs.filter((job) => job.status === "completed").length
const rate = (run: JobRun) => completed(run) / (run.wallMs / 1000)

const one = await runOn("one", [CONCURRENCY])
const shared = await runOn("shared", [CONCURRENCY / 2, CONCURRENCY / 2])
const doubled = await runOn("doubled", [CONCURRENCY, CONCURRENCY])

console.log(
  `instances: ${format(HOSTS)} hosts × the full chain (${format(one.scheduled)} jobs) against csm-lab routers at time scale ${TIME_SCALE}, ` +
    "csm-server on PostgreSQL; each run on fresh routers and a fresh database"
)
for (const [label, run] of [
  [`one server, ${CONCURRENCY} at once`, one],
  [`two servers, ${CONCURRENCY / 2} at once each`, shared],
  [`two servers, ${CONCURRENCY} at once each`, doubled]
] as const) {
  show(label, `${format(run.wallMs / 1000, 1)} s`, `${format(rate(run), 1)} jobs/s; ${format(completed(run))} / ${format(run.scheduled)} completed; peak RSS ${format(run.peakServerRss / 2 ** 20)} MiB`)
}
check("shared / one, jobs per second", format(rate(shared) / rate(one), 2), rate(shared) / rate(one) >= TARGET_RATIO, `≥ ${TARGET_RATIO}`)
show("doubled / one, jobs per second", format(rate(doubled) / rate(one), 2), "what a second server adds on this machine")
check("every job completed, in every run", `${format(completed(one) + completed(shared) + completed(doubled))} / ${format(3 * one.scheduled)}`,
  [one, shared, doubled].every((run) => completed(run) === run.scheduled), "all")
finish()
