import { Clock, Effect, FiberSet } from "effect"
import { commit } from "../application/commit.ts"
import { InstallLeaseRenewed, installLeaseStream } from "../install/events.ts"
import { toIsoTime } from "../shared/time.ts"
import { ExpectedVersion } from "../store/event-store.ts"
import type { SchedulerOptions } from "./scheduler.ts"

/**
 * While this instance runs jobs, a renewal of its lease every third of the lease. On a shared
 * store, an instance that has gone two thirds of a lease without a renewal stops its jobs: the
 * others fail them once a whole lease has passed, and by then no job of this instance may still
 * be driving a router.
 */
export const renewLease = (options: SchedulerOptions, running: FiberSet.FiberSet<unknown, unknown>) =>
  Effect.gen(function*() {
    let renewedAt = yield* Clock.currentTimeMillis
    for (;;) {
      yield* Effect.sleep(options.leaseMs / 3)
      const attemptedAt = yield* Clock.currentTimeMillis
      if ((yield* FiberSet.size(running)) === 0) {
        renewedAt = attemptedAt
        continue
      }
      const renewal = InstallLeaseRenewed.make({ instance: options.instance, time: toIsoTime(attemptedAt) })
      const renewed = yield* commit([{ stream: installLeaseStream(options.instance), expected: ExpectedVersion.Any, events: [renewal] }], {
        actor: "scheduler"
      }).pipe(
        Effect.as(true),
        Effect.catchCause((cause) => Effect.as(Effect.logWarning("This instance's lease was not renewed", cause), false))
      )
      if (renewed) renewedAt = attemptedAt
      else if (!options.soleInstance && (yield* Clock.currentTimeMillis) - renewedAt >= (2 * options.leaseMs) / 3) {
        yield* Effect.logError("This instance cannot renew its lease; the other servers will fail its jobs, so it stops them now.")
        yield* FiberSet.clear(running)
      }
    }
  })
