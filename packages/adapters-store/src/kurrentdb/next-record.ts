import { Effect } from "effect"
import type { StoreUnavailable } from "@csm/core"
import type { KurrentClient } from "./kurrent-client.ts"
import { readFailure } from "./kurrent-failure.ts"
import type { LogStart } from "./log-position.ts"

/**
 * Completes once the log holds a record after `after`, pushed by the server: a subscription to
 * `$all` from that position, closed after its first record. Any record wakes it, a system one
 * too; a wake-up without news only costs an empty read. Records already there when it starts
 * wake it at once, so none is missed.
 */
export const nextRecordAfter = (client: KurrentClient, after: LogStart): Effect.Effect<void, StoreUnavailable> =>
  Effect.acquireUseRelease(
    Effect.sync(() => client.subscribeToAll({ fromPosition: after })),
    (live) =>
      Effect.tryPromise({ try: () => live[Symbol.asyncIterator]().next(), catch: (error) => error }).pipe(
        Effect.catch(readFailure),
        Effect.asVoid
      ),
    (live) => Effect.ignore(Effect.tryPromise(() => live.unsubscribe()))
  )
