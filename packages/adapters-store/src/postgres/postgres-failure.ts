import { Effect } from "effect"
import { isSqlError } from "effect/sql/SqlError"
import type { SqlError } from "effect/sql/SqlError"
import { StoreUnavailable } from "@csm/core"

/**
 * What a driver error means (STORE.md §2): a connection refused or lost, or a server shutting
 * down or still recovering, is `StoreUnavailable`, which callers retry; any other SQL error is a
 * bug or a broken schema, so the fiber dies.
 */

// admin_shutdown, crash_shutdown, cannot_connect_now, and class 08 (connection exceptions).
const unavailableStates = /^(57P01|57P02|57P03|08...)$/

export type Outcome = StoreUnavailable["outcome"]

export const isUnavailable = (error: SqlError): boolean => {
  if (error.reason._tag === "ConnectionError") return true
  const cause: unknown = error.reason.cause
  const code = typeof cause === "object" && cause !== null && "code" in cause ? cause.code : undefined
  return typeof code === "string" && unavailableStates.test(code)
}

/**
 * `outcome` for a failure once the statement may have reached the server; a connection that
 * could not even be opened wrote nothing.
 */
export const toStoreFailure = (outcome: Outcome) => (error: SqlError): Effect.Effect<never, StoreUnavailable> => {
  if (!isUnavailable(error)) return Effect.die(error)
  const written = error.reason._tag === "ConnectionError" && error.reason.operation === "connect" ? "not-written" : outcome
  return Effect.fail(new StoreUnavailable({ cause: error, outcome: written }))
}

/** Runs a driver effect, its SQL errors mapped as above. */
export const attempt = <A, R>(
  effect: Effect.Effect<A, SqlError, R>,
  outcome: Outcome = "not-written"
): Effect.Effect<A, StoreUnavailable, R> => Effect.catchIf(effect, isSqlError, toStoreFailure(outcome))
