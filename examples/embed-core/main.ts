/**
 * Embeds the CSM core in another tool: an in-memory store, a region and two hosts, a full
 * Pre-Upgrade→Commit chain per host scheduled in the future, the dependency graph, and what the
 * scheduler would start at three instants. Run it with `node examples/embed-core/dist/main.js`.
 */
import {
  formatGmt, formatLocalTime, ReadModels, RegionsService, saveHosts, scheduleInstall, selectRunnable, ServerRepositoriesService
} from "@csm/core"
import { EmbeddedDomain, NoSecrets } from "@csm/core/testing"
import { Clock, Effect, Layer } from "effect"
import { pathToFileURL } from "node:url"

const HOUR = 3_600_000
const package_ = "asr9k-px-5.3.3.CSCuz05961.pie"

const chain = (hostname: string, at: number) =>
  ["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"].map((install_action) => ({
    hostname,
    install_action,
    scheduled_time: formatLocalTime(at, -7 * 60),
    utc_offset: "-07:00",
    ...(install_action === "Add" && { server_repository: "My Repository" }),
    ...((install_action === "Add" || install_action === "Activate") && { software_packages: package_ })
  }))

/** The example's output, line by line. */
export const embedCore = Effect.gen(function*() {
  const lines: Array<string> = []
  yield* ServerRepositoriesService.save([{ hostname: "My Repository", server_type: "LOCAL", device_path: "disk0:" }], "admin")
  yield* RegionsService.save([{ region_name: "SJ Labs", server_repositories: ["My Repository"] }], "admin")
  const hosts = yield* saveHosts([
    { hostname: "R1", region: "SJ Labs", roles: "PE", connection_type: "ssh", ts_or_ip: "10.0.0.1" },
    { hostname: "R2", region: "SJ Labs", roles: "PE", connection_type: "telnet", ts_or_ip: "10.0.0.2,10.0.0.3" }
  ], "admin")
  lines.push(`hosts: ${hosts.map((row) => `${row.name} ${row.failure ?? "SUCCESS"}`).join(", ")}`)

  // Everything is scheduled to the hour, so the output is the same whenever it runs.
  const now = Math.floor((yield* Clock.currentTimeMillis) / HOUR) * HOUR
  const start = now + 2 * HOUR
  const plan = yield* scheduleInstall([...chain("R1", start), ...chain("R2", start + HOUR / 2)], "operator")
  if (plan._tag === "Invalid") return [`refused: ${JSON.stringify(plan.rows)}`]

  lines.push("dependency graph:")
  for (const job of plan.jobs) {
    const after = job.dependency === undefined ? "" : ` ← after job ${job.dependency}`
    lines.push(`  job ${job.id}: ${job.hostname} ${job.action} at ${formatGmt(job.scheduledAt)}${after}`)
  }

  const { views } = yield* ReadModels
  const instants = [["now", now], ["at R1's time", start], ["at R2's time", start + HOUR / 2]] as const
  for (const [label, at] of instants) {
    const decision = selectRunnable(views.jobs, at, { concurrency: 100, instance: "example" })
    const started = decision.start.map((job) => `job ${job.id} (${job.hostname} ${job.action})`)
    lines.push(`${label}: ${started.length === 0 ? "nothing to start" : `start ${started.join(", ")}`}` +
      (decision.nextDueAt === undefined ? "" : `; next due ${formatGmt(decision.nextDueAt)}`))
  }
  lines.push("(each later job of a chain starts once the job before it has completed)")
  return lines
}).pipe(Effect.provide(Layer.merge(EmbeddedDomain, NoSecrets)))

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const line of await Effect.runPromise(embedCore)) console.log(line)
}
