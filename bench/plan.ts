import type { PlannerView } from "@csm/core"
import { findHost, formatLocalTime, IMPLICIT_CHAIN, makeFold, nameLookup, planInstallRequest } from "@csm/core"
import { busyServer, DIRECTORY, hostName, minutesIn, PACKAGES, PROFILE, recorder, REPOSITORY } from "./busy-server.ts"
import { check, finish, format, median, percentile, sample, show } from "./measure.ts"

/**
 * Plans a request of 5,000 jobs (a full chain for each of 1,000 hosts) against read models of
 * 100,000 hosts and 500,000 jobs. The baseline parses the same request body and checks each row's
 * shape, the least any server does with it; it makes the figure comparable across machines.
 */

const HOSTS = 100_000
const REQUESTS = 500_000 / IMPLICIT_CHAIN.length
const REQUESTED_HOSTS = 1_000
const TARGET_MS = 250

const setupStart = performance.now()
const { views, apply } = makeFold()
const record = recorder()
for (const entry of busyServer({ hosts: HOSTS, requests: REQUESTS })) {
  const undecodable = apply(record(entry))
  if (undecodable) throw undecodable
}
const view: PlannerView = {
  hosts: { canonical: (name) => findHost(views.hosts, name)?.name },
  serverRepositories: nameLookup(views.serverRepositories),
  commandProfiles: nameLookup(views.commandProfiles),
  jobs: views.jobs
}
const setupSeconds = (performance.now() - setupStart) / 1000

/** The request comes after the log's last one, for jobs a day later, in the guide's local form at UTC-7. */
const now = minutesIn(REQUESTS)
const OFFSET_MINUTES = -7 * 60
const when = (step: number) => ({
  scheduled_time: formatLocalTime(now + 24 * 3_600_000 + step * 15 * 60_000, OFFSET_MINUTES),
  utc_offset: "-07:00"
})
const fieldsOf = {
  "Pre-Upgrade": { command_profile: PROFILE },
  Add: { server_repository: REPOSITORY, server_directory: DIRECTORY, software_packages: PACKAGES.join(",") },
  Activate: { software_packages: PACKAGES.join(",") },
  "Post-Upgrade": { command_profile: PROFILE },
  Commit: {}
}
const body = JSON.stringify(
  Array.from({ length: REQUESTED_HOSTS }, (_, index) => hostName(index * (HOSTS / REQUESTED_HOSTS))).flatMap((hostname) =>
    IMPLICIT_CHAIN.map((action, step) => ({ hostname, install_action: action, ...when(step), ...fieldsOf[action] }))
  )
)
const rows: ReadonlyArray<unknown> = JSON.parse(body)
const firstId = views.jobs.idSequence.next

const plan = () => planInstallRequest(rows, view, now, firstId)
const planned = plan()
if (planned._tag !== "Planned" || planned.rows.some((row) => row.status !== "SUCCESS")) {
  throw new Error(`The benchmark's request should plan without a failure: ${JSON.stringify(planned.rows.slice(0, 3))}`)
}

const ACTIONS = new Set<unknown>(IMPLICIT_CHAIN)
const parseAndCheckShape = () => {
  let valid = 0
  for (const row of JSON.parse(body) as ReadonlyArray<Record<string, unknown>>) {
    if (typeof row === "object" && row !== null && typeof row["hostname"] === "string" && ACTIONS.has(row["install_action"])) valid++
  }
  if (valid !== rows.length) throw new Error("The baseline should find every row well shaped.")
}

const RUNS = 20
const planMs = sample(plan, RUNS, 3)
const baselineMs = sample(parseAndCheckShape, RUNS, 3)

console.log(
  `plan: ${format(rows.length)} rows over ${format(REQUESTED_HOSTS)} hosts; read models of ${format(views.hosts.hosts.size)} ` +
    `hosts and ${format(views.jobs.idSequence.next - 1)} jobs (folded in ${format(setupSeconds, 1)} s); ${RUNS} runs after 3 warm-ups`
)
show("baseline: parse + shape, median", `${format(median(baselineMs), 2)} ms`)
show("planInstallRequest, p95", `${format(percentile(planMs, 95), 1)} ms`)
check("planInstallRequest, median", `${format(median(planMs), 1)} ms`, median(planMs) <= TARGET_MS, `≤ ${TARGET_MS} ms`)
show("median / target", format(median(planMs) / TARGET_MS, 2))
show("median / baseline", format(median(planMs) / median(baselineMs), 1))
finish()
