import { Clock, Effect, FiberSet, Queue, Schedule, Stream } from "effect"
import { ReadModels } from "../application/read-models.ts"
import { expiredHolders, jobsHeldBy, leaseHolders, nextExpiry, observeLeases } from "../install/lease-watch.ts"
import type { LeaseWatch } from "../install/lease-watch.ts"
import { selectRunnable } from "../install/scheduler-rule.ts"
import type { SchedulerLimits } from "../install/scheduler-rule.ts"
import { End, EventStore } from "../store/event-store.ts"
import { claimJob, failInterruptedJobs, failRunningJobs, leaseExpired, runClaimedJob } from "./executor.ts"
import { renewLease } from "./lease-renewal.ts"

export interface SchedulerOptions extends SchedulerLimits {
  /**
   * How long an instance running jobs may go without renewing its lease before another instance
   * fails its jobs as interrupted. It renews every third of this.
   */
  readonly leaseMs: number
  /**
   * No other instance can share the store (SQLite, memory): the jobs found in progress at start
   * were left by this server's previous run, and are failed at once rather than after a lease.
   */
  readonly soleInstance: boolean
}

/** Waits between attempts while the store is out: from 100 ms, doubling, to 10 s. */
const storeOutage = Schedule.min([Schedule.exponential("100 millis"), Schedule.spaced("10 seconds")])

/** A store that stops answering pauses the scheduler, not the server: it tries again, less and less often. */
const untilTheStoreAnswers = <A, E extends { readonly _tag: string }, R>(step: Effect.Effect<A, E, R>) =>
  step.pipe(
    Effect.tapError((error) => Effect.logWarning("The scheduler cannot reach the store; it tries again", error)),
    Effect.retry({ while: (error) => error._tag === "StoreUnavailable", schedule: storeOutage })
  )

const earliest = (...times: ReadonlyArray<number | undefined>): number | undefined => {
  const known = times.filter((time) => time !== undefined)
  return known.length === 0 ? undefined : Math.min(...known)
}

/**
 * The scheduler fiber: fails the jobs a previous run left in progress (when it is the store's sole
 * instance), then loops: catch up, fail the jobs of instances whose lease ran out, ask the pure rule
 * which jobs may start, claim and run them, and sleep until the next event in the store, the next
 * due time or the next lease to run out, whichever comes first. Time is Effect's `Clock`, so tests
 * drive it with `TestClock`. It runs until interrupted; running jobs are interrupted with it.
 */
export const runScheduler = (options: SchedulerOptions) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const { views, catchUp } = yield* ReadModels
    if (options.soleInstance) yield* untilTheStoreAnswers(failInterruptedJobs)

    // Any new event may free a host or complete a dependency: one pending wake-up is enough.
    const wake = yield* Queue.sliding<void>(1)
    yield* store.subscribe(End).pipe(
      Stream.runForEach(() => Queue.offer(wake, undefined)),
      Effect.forkScoped
    )
    const running = yield* FiberSet.make()
    yield* Effect.forkScoped(renewLease(options, running))
    let leases: LeaseWatch = new Map()

    const failLapsedHolders = Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      leases = observeLeases(leases, leaseHolders(views.jobs, options.instance), now)
      const lapsed = expiredHolders(leases, now, options.leaseMs)
      if (lapsed.size === 0) return
      yield* failRunningJobs(jobsHeldBy(views.jobs, lapsed), leaseExpired(options.leaseMs))
      leases = observeLeases(leases, leaseHolders(views.jobs, options.instance), now)
    })

    const startDueJobs = Effect.gen(function*() {
      yield* catchUp
      yield* failLapsedHolders
      const decision = selectRunnable(views.jobs, yield* Clock.currentTimeMillis, options)
      for (const job of decision.start) {
        // The claim is folded in before the next job is considered, so the limits stay exact.
        if (yield* claimJob(job, options.instance)) yield* FiberSet.run(running)(runClaimedJob(job))
      }
      return earliest(decision.nextDueAt, nextExpiry(leases, options.leaseMs))
    })

    for (;;) {
      const wakeAt = yield* untilTheStoreAnswers(startDueJobs)
      const woken = Queue.take(wake)
      if (wakeAt === undefined) yield* woken
      else yield* Effect.raceFirst(woken, Effect.sleep(Math.max(0, wakeAt - (yield* Clock.currentTimeMillis))))
    }
  }).pipe(Effect.scoped)
