import type { InstallJob, InstallJobs } from "./jobs-projection.ts"

export interface SchedulerLimits {
  /** How many jobs may run at once, over all hosts. A host never runs more than one. */
  readonly concurrency: number
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
 * Why a job can never start: its dependency failed or was deleted. A dependency that is merely
 * absent is still being folded in (the jobs of one request arrive one event at a time), so it waits.
 */
export const blockedReason = (jobs: InstallJobs, job: InstallJob): string | undefined => {
  if (job.dependency === undefined) return undefined
  if (jobs.get(job.dependency)?.status === "failed") return `Blocked: dependency job ${job.dependency} failed.`
  if (jobs.wasDeleted(job.dependency)) return `Blocked: dependency job ${job.dependency} was deleted.`
  return undefined
}

/** Which jobs start now: due, dependency completed, host idle, under the concurrency limit. */
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
  const start: Array<InstallJob> = []
  for (const job of due.sort((a, b) => a.scheduledAt - b.scheduledAt || a.id - b.id)) {
    if (jobs.runningCount + start.length >= limits.concurrency) break
    if (busyHosts.has(job.hostname)) continue
    busyHosts.add(job.hostname)
    start.push(job)
  }
  return { start, blocked: blocked.sort((a, b) => a.job.id - b.job.id), nextDueAt }
}
