import { Effect, Option, Stream } from "effect"
import type { Checkpoint, LogPage, StoreUnavailable, SubscriptionItem } from "./event-store.ts"

/**
 * The subscription of STORE.md §2 over any adapter's page reads: pages until the log is caught
 * up, exactly one `CaughtUp`, then whatever becomes visible, read after each wake-up. Adapters
 * supply only how they wake up (an in-process hub, LISTEN/NOTIFY, polling).
 */
export interface FollowLog {
  /** Where to start, exclusive; resolves `end` when the stream starts. */
  readonly from: Effect.Effect<Checkpoint, StoreUnavailable>
  readonly readAll: (after: Checkpoint) => Effect.Effect<LogPage, StoreUnavailable>
  /**
   * Completes once events after `after` may be visible. It must not miss an event that became
   * visible before it was called; spurious wake-ups only cost an empty read.
   */
  readonly awaitChange: (after: Checkpoint) => Effect.Effect<void, StoreUnavailable>
}

interface Position {
  readonly after: Checkpoint
  readonly caughtUp: boolean
  /** The last read found nothing more, so wait before reading again. */
  readonly idle: boolean
}

export const followLog = ({ awaitChange, from, readAll }: FollowLog): Stream.Stream<SubscriptionItem, StoreUnavailable> =>
  Stream.unwrap(Effect.map(from, (after) =>
    Stream.paginate<Position, SubscriptionItem, StoreUnavailable>(
      { after, caughtUp: false, idle: false },
      Effect.fnUntraced(function*({ after, caughtUp, idle }) {
        if (idle) yield* awaitChange(after)
        const page = yield* readAll(after)
        const items: Array<SubscriptionItem> = page.events.map((event) => ({ _tag: "Event", event }))
        if (!caughtUp && page.atEnd) items.push({ _tag: "CaughtUp", checkpoint: page.next })
        return [items, Option.some({ after: page.next, caughtUp: caughtUp || page.atEnd, idle: page.atEnd })] as const
      })
    )))
