import { describe, expect, it } from "vitest"
import { completed, deleted, failed, INSTANCE, installJobsOf, minute, record, scheduled, started } from "../testing/install-fixtures.ts"
import type { InstallJobs } from "./jobs-projection.ts"
import { selectRunnable } from "./scheduler-rule.ts"

const decide = (jobs: InstallJobs, now: number, concurrency = 10) => {
  const decision = selectRunnable(jobs, now, { concurrency, instance: INSTANCE })
  return {
    start: decision.start.map((job) => job.id),
    blocked: decision.blocked.map(({ job, reason }) => [job.id, reason]),
    nextDueAt: decision.nextDueAt
  }
}

describe("the scheduler rule", () => {
  it("starts due jobs and sleeps until the next one is due", () => {
    const jobs = installJobsOf(scheduled(1, { at: 0 }), scheduled(2, { hostname: "R2", at: 30 }), scheduled(3, { hostname: "R3", at: 20 }))
    expect(decide(jobs, minute(0))).toEqual({ start: [1], blocked: [], nextDueAt: minute(20) })
    expect(decide(jobs, minute(30))).toEqual({ start: [1, 3, 2], blocked: [], nextDueAt: undefined })
  })

  it("starts a job only once its dependency completed", () => {
    const jobs = installJobsOf(scheduled(1), scheduled(2, { dependency: 1 }), started(1))
    expect(decide(jobs, minute(0)).start).toEqual([])
    expect(decide(record(jobs, completed(1)), minute(0)).start).toEqual([2])
  })

  it("waits for a dependency it has not seen yet: the jobs of one request arrive one by one", () => {
    expect(decide(installJobsOf(scheduled(1, { dependency: 2 })), minute(0))).toEqual({ start: [], blocked: [], nextDueAt: undefined })
  })

  it("reports the jobs whose dependency failed or was deleted", () => {
    const jobs = installJobsOf(
      scheduled(1),
      scheduled(2, { dependency: 1, at: 60 }),
      scheduled(3, { hostname: "R2" }),
      scheduled(4, { hostname: "R2", dependency: 3 }),
      started(1),
      failed(1),
      deleted(3)
    )
    expect(decide(jobs, minute(0))).toEqual({
      start: [],
      blocked: [[2, "Blocked: dependency job 1 failed."], [4, "Blocked: dependency job 3 was deleted."]],
      nextDueAt: undefined
    })
  })

  it("reports the jobs further down a chain, naming the job that ended it", () => {
    const jobs = installJobsOf(
      scheduled(1),
      scheduled(2, { dependency: 1 }),
      scheduled(3, { dependency: 2 }),
      scheduled(4, { dependency: 3 }),
      started(1),
      failed(1)
    )
    expect(decide(jobs, minute(0)).blocked).toEqual([
      [2, "Blocked: dependency job 1 failed."],
      [3, "Blocked: dependency job 2 waits on job 1, which failed."],
      [4, "Blocked: dependency job 3 waits on job 1, which failed."]
    ])
    expect(decide(record(installJobsOf(scheduled(5), scheduled(6, { dependency: 5 }), scheduled(7, { dependency: 6 })), deleted(5)), minute(0)).blocked)
      .toEqual([[6, "Blocked: dependency job 5 was deleted."], [7, "Blocked: dependency job 6 waits on job 5, which was deleted."]])
  })

  it("runs one job per host at a time, the earliest scheduled first", () => {
    const jobs = installJobsOf(scheduled(1, { at: 5 }), scheduled(2, { at: 3 }), scheduled(3, { hostname: "R2" }))
    expect(decide(jobs, minute(5)).start).toEqual([3, 2])
    expect(decide(record(jobs, started(3)), minute(5)).start).toEqual([2])
    expect(decide(record(jobs, started(2)), minute(5)).start).toEqual([])
  })

  it("stays under the concurrency limit, in scheduled-time then id order", () => {
    const jobs = installJobsOf(
      scheduled(4, { hostname: "R4", at: 1 }),
      scheduled(2, { hostname: "R2", at: 2 }),
      scheduled(1, { hostname: "R1", at: 2 }),
      scheduled(3, { hostname: "R3", at: 0 })
    )
    expect(decide(jobs, minute(2), 3).start).toEqual([3, 4, 1])
    expect(decide(record(jobs, started(3)), minute(2), 3).start).toEqual([4, 1])
  })

  it("counts only this instance's jobs against its limit, and never starts a job on a host another instance is busy with", () => {
    const jobs = installJobsOf(
      scheduled(1, { hostname: "R1" }),
      scheduled(2, { hostname: "R2" }),
      scheduled(3, { hostname: "R3" }),
      scheduled(4, { hostname: "R1", at: 1 }),
      started(1, 0, "instance-b"),
      started(2, 0, "instance-b")
    )
    expect(decide(jobs, minute(1), 1).start).toEqual([3])
    expect(decide(record(jobs, started(3)), minute(1), 1).start).toEqual([])
  })
})
