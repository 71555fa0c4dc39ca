import type { InstallJob, InstallJobs } from "./jobs-projection.ts"

/**
 * What one server instance has seen of the others' leases (several instances on one store). An
 * instance holding running jobs renews its lease every third of it; the watcher notes how many
 * renewals it has seen of each holder and when, by its own clock, that number last changed, so
 * the clocks of different machines are never compared. A holder silent for a whole lease is gone,
 * and its jobs are failed as interrupted.
 */
export interface LeaseSighting {
  readonly renewals: number
  /** The watcher's time when it first saw this many renewals. */
  readonly since: number
}

export type LeaseWatch = ReadonlyMap<string, LeaseSighting>

/** Claims written before instances named themselves belong to this unknown holder, which never renews. */
export const UNKNOWN_HOLDER = ""

const holderOf = (job: InstallJob): string => job.instance ?? UNKNOWN_HOLDER

/** The instances other than `self` that hold running jobs, with the renewals each has made. */
export const leaseHolders = (jobs: InstallJobs, self: string): ReadonlyMap<string, number> => {
  const holders = new Map<string, number>()
  for (const job of jobs.withStatus("in-progress")) {
    const holder = holderOf(job)
    if (holder !== self) holders.set(holder, jobs.leaseRenewals(holder))
  }
  return holders
}

/**
 * The watch after looking at the holders at `now`: a holder seen for the first time, or with a new
 * renewal, starts a whole lease afresh; instances that hold nothing any more are forgotten.
 */
export const observeLeases = (watch: LeaseWatch, holders: ReadonlyMap<string, number>, now: number): LeaseWatch => {
  const next = new Map<string, LeaseSighting>()
  for (const [instance, renewals] of holders) {
    const seen = watch.get(instance)
    next.set(instance, seen !== undefined && seen.renewals === renewals ? seen : { renewals, since: now })
  }
  return next
}

/** The holders silent for at least `leaseMs` at `now`. */
export const expiredHolders = (watch: LeaseWatch, now: number, leaseMs: number): ReadonlySet<string> =>
  new Set([...watch].filter(([, seen]) => now - seen.since >= leaseMs).map(([instance]) => instance))

/** When the first lease still running out expires, if one is. */
export const nextExpiry = (watch: LeaseWatch, leaseMs: number): number | undefined => {
  let first: number | undefined
  for (const { since } of watch.values()) first = Math.min(first ?? Infinity, since + leaseMs)
  return first
}

/** The running jobs whose holder is among `holders`. */
export const jobsHeldBy = (jobs: InstallJobs, holders: ReadonlySet<string>): ReadonlyArray<InstallJob> =>
  [...jobs.withStatus("in-progress")].filter((job) => holders.has(holderOf(job)))
