import Database from "better-sqlite3"
import { Effect } from "effect"
import { StoreUnavailable } from "@csm/core"

/**
 * What a driver error means (STORE.md §2): the lock still held by another writer past the busy
 * timeout, or a failing disk, is `StoreUnavailable`, which callers retry; any other SQL error is
 * a bug or a broken schema, so the fiber dies.
 */

const unavailable = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/

export type Outcome = StoreUnavailable["outcome"]

export const isUnavailable = (cause: unknown): boolean =>
  cause instanceof Database.SqliteError && unavailable.test(cause.code)

/** Runs a synchronous driver call. */
export const attempt = <A>(run: () => A, outcome: Outcome = "not-written"): Effect.Effect<A, StoreUnavailable> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(run())
    } catch (cause) {
      return failure(cause, outcome)
    }
  })

export const failure = (cause: unknown, outcome: Outcome): Effect.Effect<never, StoreUnavailable> =>
  isUnavailable(cause) ? Effect.fail(new StoreUnavailable({ cause, outcome })) : Effect.die(cause)
