import { Effect } from "effect"
import { sessionLogFiles } from "../application/session-logs.ts"
import type { InstallJobs } from "../install/jobs-projection.ts"
import type { PreUpgradeCaptures } from "./device-gateway.ts"

/** A capture is a `.txt` file of the job's log directory: `PE1-2017_03_07_10_15_02-134/show-running-config.txt`. */
const captureName = (file: string): string | undefined => {
  const name = file.slice(file.lastIndexOf("/") + 1)
  return name.endsWith(".txt") ? name : undefined
}

/** The host's latest completed Pre-Upgrade job, by completion time, if any. */
const latestPreUpgrade = (jobs: InstallJobs, hostname: string) => {
  let latest: { readonly id: number; readonly completedAt: string } | undefined
  for (const job of jobs.ofHost(hostname)) {
    if (job.action !== "Pre-Upgrade" || job.status !== "completed" || job.statusAt === undefined) continue
    if (latest === undefined || job.statusAt > latest.completedAt) latest = { id: job.id, completedAt: job.statusAt }
  }
  return latest
}

/**
 * What the host's latest completed Pre-Upgrade captured, for a Post-Upgrade to compare with
 * (DEVICE.md §6.7); nothing when there was none or its logs hold no capture.
 */
export const preUpgradeCapturesOf = (jobs: InstallJobs, hostname: string) =>
  Effect.gen(function*() {
    const latest = latestPreUpgrade(jobs, hostname)
    if (latest === undefined) return undefined
    const logs = yield* Effect.option(sessionLogFiles(latest.id))
    if (logs._tag === "None") return undefined
    const files = new Map<string, string>()
    for (const [file, text] of logs.value) {
      const name = captureName(file)
      if (name !== undefined) files.set(name, text)
    }
    return files.size === 0 ? undefined : { completedAt: latest.completedAt, files } satisfies PreUpgradeCaptures
  })
