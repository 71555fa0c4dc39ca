import { Effect } from "effect"
import type { Scope } from "effect"

/**
 * Opens something that takes a while (a TCP or SSH connection) so that the wait stays interruptible
 * while the closing is registered in the Scope as soon as it exists. `open` cleans up after itself
 * when interrupted or failing.
 */
export const scopedResource = <A, E>(open: Effect.Effect<A, E>, close: (resource: A) => void): Effect.Effect<A, E, Scope.Scope> =>
  Effect.uninterruptibleMask((restore) =>
    restore(open).pipe(Effect.tap((resource) => Effect.addFinalizer(() => Effect.sync(() => close(resource)))))
  )
