import { Deferred, Effect } from "effect"
import type { Duration } from "effect"

/**
 * How waiting subscribers learn of new events: at once after an append of this process, and by
 * polling for those of other processes, which the driver cannot announce.
 */
export const makeWakeUp = (pollInterval: Duration.Input) => {
  // Created by the first waiting subscriber, completed by the next append that writes.
  let changed: Deferred.Deferred<void> | undefined
  return {
    notify: (): void => {
      if (changed) Deferred.doneUnsafe(changed, Effect.void)
      changed = undefined
    },
    /** Completes after the next local append, or after one poll interval. */
    wait: Effect.suspend(() => Effect.race(Deferred.await(changed ??= Deferred.makeUnsafe()), Effect.sleep(pollInterval)))
  }
}
