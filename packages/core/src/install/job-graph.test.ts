import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { selectDeletions } from "./delete-selection.ts"
import type { InstallJobScheduled } from "./events.ts"
import { completed, failed, INSTANCE, installJobsOf, minute, record, scheduled, started } from "../testing/install-fixtures.ts"
import type { InstallJob, InstallJobs } from "./jobs-projection.ts"
import type { SchedulerDecision } from "./scheduler-rule.ts"
import { selectRunnable } from "./scheduler-rule.ts"

/**
 * Properties of the dependency graph over simulated runs: the scheduler rule is applied again and
 * again, started jobs complete, fail or keep running as fast-check decides, and time moves on.
 */

const HOSTS = ["R1", "R2", "R3"]

/** Jobs 1..n on a few hosts, each maybe depending on an earlier job of its host scheduled no later. */
const schedule = fc
  .array(fc.record({ host: fc.constantFrom(...HOSTS), at: fc.nat(20), pick: fc.option(fc.nat(), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 30
  })
  .map((specs) =>
    specs.reduce<ReadonlyArray<InstallJobScheduled>>((events, { host, at, pick }, index) => {
      const candidates = events.filter((event) => event.hostname === host && Date.parse(event.scheduled_time) <= minute(at))
      const dependency = pick === undefined || candidates.length === 0 ? undefined : candidates[pick % candidates.length]?.id
      return [...events, scheduled(index + 1, { hostname: host, at, ...(dependency === undefined ? {} : { dependency }) })]
    }, [])
  )

type Outcome = "complete" | "fail" | "keep running"
interface Run {
  readonly events: ReadonlyArray<InstallJobScheduled>
  readonly outcomes: ReadonlyArray<Outcome>
  readonly concurrency: number
}
const run: fc.Arbitrary<Run> = fc.record({
  events: schedule,
  outcomes: fc.array(fc.constantFrom<Outcome>("complete", "fail", "keep running"), { minLength: 1, maxLength: 50 }),
  concurrency: fc.integer({ min: 1, max: 4 })
})

/** Runs the scheduler for at most `rounds` minutes, calling `check` on every decision; returns the jobs as left. */
const simulate = (
  { events, outcomes, concurrency }: Run,
  rounds: number,
  check: (jobs: InstallJobs, now: number, decision: SchedulerDecision) => void = () => {}
): InstallJobs => {
  const jobs = installJobsOf(...events)
  let draws = 0
  for (let now = 0; now < rounds; now++) {
    const decision = selectRunnable(jobs, minute(now), { concurrency, instance: INSTANCE })
    check(jobs, minute(now), decision)
    if (decision.start.length === 0 && jobs.runningCount === 0 && decision.nextDueAt === undefined) break
    record(jobs, ...decision.start.map((job) => started(job.id, now)))
    const running = [...jobs.withStatus("in-progress")]
    const fates = running.map(() => outcomes[draws++ % outcomes.length])
    // Keep the run moving: when nothing started and nothing would end, everything running ends.
    const stuck = decision.start.length === 0 && fates.every((fate) => fate === "keep running")
    running.forEach((job, index) => {
      const fate = stuck ? "complete" : fates[index]
      if (fate === "complete") record(jobs, completed(job.id, now))
      if (fate === "fail") record(jobs, failed(job.id, now))
    })
  }
  return jobs
}

const before = (a: InstallJob, b: InstallJob): boolean => a.scheduledAt < b.scheduledAt || (a.scheduledAt === b.scheduledAt && a.id < b.id)

const dependencyDone = (jobs: InstallJobs, job: InstallJob): boolean =>
  job.dependency === undefined || jobs.get(job.dependency)?.status === "completed"

/** Whether `job` depends on `id`, transitively: a walk up its chain (the rule uses the dependents index). */
const dependsOn = (jobs: InstallJobs, job: InstallJob, id: number): boolean => {
  for (let dependency = job.dependency; dependency !== undefined; dependency = jobs.get(dependency)?.dependency) {
    if (dependency === id) return true
  }
  return false
}

describe("the scheduler rule, over simulated runs", () => {
  it("never starts a job before its dependency completed, nor two jobs of one host, nor more than the limit", () => {
    fc.assert(
      fc.property(run, (setup) => {
        simulate(setup, 200, (jobs, now, { start }) => {
          const running = [...jobs.withStatus("in-progress")]
          expect(running.length + start.length).toBeLessThanOrEqual(setup.concurrency)
          const hosts = [...running, ...start].map((job) => job.hostname)
          expect(new Set(hosts).size).toBe(hosts.length)
          for (const job of start) {
            expect(job.status).toBe("scheduled")
            expect(job.scheduledAt).toBeLessThanOrEqual(now)
            expect(dependencyDone(jobs, job)).toBe(true)
          }
        })
      })
    )
  })

  it("starts due jobs in scheduled-time then id order, passing none over", () => {
    fc.assert(
      fc.property(run, (setup) => {
        simulate(setup, 200, (jobs, now, { start }) => {
          start.slice(1).forEach((job, index) => expect(before(start[index]!, job)).toBe(true))
          const running = [...jobs.withStatus("in-progress")]
          const full = running.length + start.length >= setup.concurrency
          for (const job of jobs.withStatus("scheduled")) {
            if (start.includes(job) || job.scheduledAt > now || !dependencyDone(jobs, job)) continue
            const hostTaken = running.some((other) => other.hostname === job.hostname) ||
              start.some((other) => other.hostname === job.hostname && before(other, job))
            expect(hostTaken || (full && start.every((other) => before(other, job)))).toBe(true)
          }
        })
      })
    )
  })

  it("runs every job whose dependencies did not fail", () => {
    fc.assert(
      fc.property(run, (setup) => {
        const jobs = simulate(setup, 1_000)
        expect(jobs.runningCount).toBe(0)
        for (const job of jobs.withStatus("scheduled")) {
          const failedAncestor = [...jobs.withStatus("failed")].some((other) => dependsOn(jobs, job, other.id))
          expect(failedAncestor).toBe(true)
        }
      })
    )
  })
})

describe("deleting install jobs, in simulated worlds", () => {
  const world = fc.tuple(run, fc.nat(25)).map(([setup, rounds]) => simulate(setup, rounds))

  it("deletes exactly a job's transitive dependents", () => {
    fc.assert(
      fc.property(world, (jobs) => {
        for (const job of jobs.all()) {
          const outcome = Result.getOrThrow(selectDeletions(jobs, { id: job.id }))
          if (job.status === "scheduled" || job.status === "failed") {
            const dependents = [...jobs.all()].filter((other) => dependsOn(jobs, other, job.id)).map((other) => other.id)
            expect(outcome).toEqual([{ _tag: "Deleted", id: job.id, dependents: dependents.sort((a, b) => a - b) }])
          } else {
            expect(outcome).toEqual([expect.objectContaining({ _tag: "Refused", id: job.id })])
          }
        }
      })
    )
  })

  it("deletes a selection and all that depends on it, reporting each job once", () => {
    const selection = fc.oneof(
      fc.record({ hostname: fc.constantFrom(...HOSTS) }),
      fc.record({ status: fc.constantFrom("scheduled" as const, "failed" as const) }),
      fc.record({ hostname: fc.constantFrom(...HOSTS), status: fc.constantFrom("scheduled" as const, "failed" as const) })
    )
    fc.assert(
      fc.property(world, selection, (jobs, chosen) => {
        const outcomes = Result.getOrThrow(selectDeletions(jobs, chosen))
        const reported = outcomes.flatMap((outcome) => outcome._tag === "Deleted" ? [outcome.id, ...outcome.dependents] : [outcome.id])
        expect(new Set(reported).size).toBe(reported.length)
        const selected = [...jobs.all()].filter((job) =>
          ("hostname" in chosen ? job.hostname === chosen.hostname : true) &&
          ("status" in chosen ? job.status === chosen.status : job.status !== "completed")
        )
        const roots = selected.filter((job) => job.status === "scheduled" || job.status === "failed")
        const expected = [...jobs.all()].filter((job) => roots.some((root) => root === job || dependsOn(jobs, job, root.id)))
        const deletedIds = outcomes.flatMap((outcome) => outcome._tag === "Deleted" ? [outcome.id, ...outcome.dependents] : [])
        expect(deletedIds.sort((a, b) => a - b)).toEqual(expected.map((job) => job.id).sort((a, b) => a - b))
        expect(outcomes.filter((outcome) => outcome._tag === "Refused").map((outcome) => outcome.id)).toEqual(
          selected.filter((job) => !roots.includes(job)).map((job) => job.id).sort((a, b) => a - b)
        )
      })
    )
  })
})
