import { Clock, Effect, FiberSet, Queue, Stream } from "effect"
import { ReadModels } from "../application/read-models.ts"
import { selectRunnable } from "../install/scheduler-rule.ts"
import type { SchedulerLimits } from "../install/scheduler-rule.ts"
import { End, EventStore } from "../store/event-store.ts"
import { claimJob, failInterruptedJobs, runClaimedJob } from "./executor.ts"

/**
 * The scheduler fiber: fails the jobs a previous run left in progress, then loops: catch up,
 * ask the pure rule which jobs may start, claim and run them, and sleep until the next event in
 * the store or the next due time, whichever comes first. Time is Effect's `Clock`, so tests
 * drive it with `TestClock`. It runs until interrupted; running jobs are interrupted with it.
 */
export const runScheduler = (limits: SchedulerLimits) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const { views, catchUp } = yield* ReadModels
    yield* failInterruptedJobs

    // Any new event may free a host or complete a dependency: one pending wake-up is enough.
    const wake = yield* Queue.sliding<void>(1)
    yield* store.subscribe(End).pipe(
      Stream.runForEach(() => Queue.offer(wake, undefined)),
      Effect.forkScoped
    )
    const running = yield* FiberSet.make()

    const startDueJobs = Effect.gen(function*() {
      yield* catchUp
      const decision = selectRunnable(views.jobs, yield* Clock.currentTimeMillis, limits)
      for (const job of decision.start) {
        // The claim is folded in before the next job is considered, so the limits stay exact.
        if (yield* claimJob(job.id)) yield* FiberSet.run(running)(runClaimedJob(job))
      }
      return decision.nextDueAt
    })

    for (;;) {
      const nextDueAt = yield* startDueJobs
      const woken = Queue.take(wake)
      if (nextDueAt === undefined) yield* woken
      else yield* Effect.raceFirst(woken, Effect.sleep(Math.max(0, nextDueAt - (yield* Clock.currentTimeMillis))))
    }
  }).pipe(Effect.scoped)
