import type { InstallJob, InstallJobs } from "./jobs-projection.ts"

export interface SchedulerLimits {
  /** How many jobs this server instance may run at once, over all hosts. A host never runs more than one. */
  readonly concurrency: number
  /** This server instance: the jobs other instances run use none of its concurrency. */
  readonly instance: string
}

export interface SchedulerDecision {
  /** The jobs to claim now, in scheduled-time then id order. */
  readonly start: ReadonlyArray<InstallJob>
  /** Scheduled jobs that can never start as things stand, in id order. */
  readonly blocked: ReadonlyArray<{ readonly job: InstallJob; readonly reason: string }>
  /** When the earliest job not yet due becomes due: the scheduler sleeps until then (or the next event). */
  readonly nextDueAt: number | undefined
}

/**
 * Why a job can never start: a job it waits for, directly or through scheduled jobs between,
 * failed or was deleted. A dependency that is merely absent is still being folded in (the jobs of
 * one request arrive one event at a time), so it waits.
 */
export const blockedReason = (jobs: InstallJobs, job: InstallJob): string | undefined => {
  const direct = job.dependency
  // Dependencies are earlier jobs, so the walk ends; the visited set guards it all the same.
  const seen = new Set<number>()
  for (let id = direct; id !== undefined && !seen.has(id); id = jobs.get(id)?.dependency) {
    seen.add(id)
    const ended = jobs.get(id)?.status === "failed" ? "failed" : jobs.wasDeleted(id) ? "was deleted" : undefined
    if (ended !== undefined) {
      return id === direct
        ? `Blocked: dependency job ${id} ${ended}.`
        : `Blocked: dependency job ${direct} waits on job ${id}, which ${ended}.`
    }
    if (jobs.get(id)?.status !== "scheduled") return undefined
  }
  return undefined
}

/** Which jobs start now: due, dependency completed, host idle (whoever runs its job), under this instance's limit. */
export const selectRunnable = (jobs: InstallJobs, now: number, limits: SchedulerLimits): SchedulerDecision => {
  const blocked: Array<{ readonly job: InstallJob; readonly reason: string }> = []
  const due: Array<InstallJob> = []
  let nextDueAt: number | undefined
  for (const job of jobs.withStatus("scheduled")) {
    const reason = blockedReason(jobs, job)
    if (reason !== undefined) blocked.push({ job, reason })
    else if (job.scheduledAt > now) nextDueAt = Math.min(nextDueAt ?? job.scheduledAt, job.scheduledAt)
    else if (job.dependency === undefined || jobs.get(job.dependency)?.status === "completed") due.push(job)
  }
  const busyHosts = new Set([...jobs.withStatus("in-progress")].map((job) => job.hostname))
  const running = jobs.runningCountOf(limits.instance)
  const start: Array<InstallJob> = []
  for (const job of due.sort((a, b) => a.scheduledAt - b.scheduledAt || a.id - b.id)) {
    if (running + start.length >= limits.concurrency) break
    if (busyHosts.has(job.hostname)) continue
    busyHosts.add(job.hostname)
    start.push(job)
  }
  return { start, blocked: blocked.sort((a, b) => a.job.id - b.job.id), nextDueAt }
}
