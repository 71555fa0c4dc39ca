import { ErrorType, isCommandError } from "@kurrent/kurrentdb-client"
import type { CurrentStreamState } from "@kurrent/kurrentdb-client"
import { Effect } from "effect"
import { StoreUnavailable } from "@csm/core"

/**
 * What a client error means (STORE.md §2): an unreachable server, a lost connection, a gRPC
 * deadline or a leader change is `StoreUnavailable`, which callers retry; a wrong expected
 * version is a conflict; a batch above the server's size limit is refused; anything else is a
 * bug or a misconfigured server, so the fiber dies.
 */

export type ClientFailure =
  | {
    readonly _tag: "Unavailable"
    /** Whether the request may have reached the server (false: no connection was ever made). */
    readonly reached: boolean
  }
  | { readonly _tag: "WrongExpectedVersion"; readonly stream: string; readonly actual: CurrentStreamState }
  | { readonly _tag: "StreamNotFound" }
  | { readonly _tag: "TooLarge" }
  | { readonly _tag: "Other" }

const tooLargeTypes: ReadonlySet<ErrorType> = new Set([
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED,
  ErrorType.APPEND_RECORD_SIZE_EXCEEDED
])

const unavailableTypes: ReadonlySet<ErrorType> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED
])

// gRPC status codes the client sometimes passes through unconverted (seen on appends).
const grpcDeadlineExceeded = 4
const grpcUnavailable = 14

const neverConnected = /No connection established|ECONNREFUSED|Failed to discover/

export const classify = (error: unknown): ClientFailure => {
  if (!(error instanceof Error)) return { _tag: "Other" }
  if (isCommandError(error)) {
    if (error.type === ErrorType.WRONG_EXPECTED_VERSION) {
      return { _tag: "WrongExpectedVersion", stream: error.streamName, actual: error.actualState }
    }
    if (error.type === ErrorType.STREAM_NOT_FOUND) return { _tag: "StreamNotFound" }
    if (tooLargeTypes.has(error.type)) return { _tag: "TooLarge" }
    if (!unavailableTypes.has(error.type)) return { _tag: "Other" }
  } else {
    const code = "code" in error ? error.code : undefined
    const grpcUnreachable = code === grpcUnavailable || code === grpcDeadlineExceeded
    if (!grpcUnreachable && !error.message.startsWith("Failed to discover")) return { _tag: "Other" }
  }
  return { _tag: "Unavailable", reached: !neverConnected.test(error.message) }
}

/**
 * `StoreUnavailable` for an unavailable server, else a defect. `sent`: the request may have been
 * acted upon if it reached the server (an append), so the outcome is then unknown.
 */
export const unavailableOrDie = (error: unknown, failure: ClientFailure, sent: boolean): Effect.Effect<never, StoreUnavailable> =>
  failure._tag === "Unavailable"
    ? Effect.fail(new StoreUnavailable({ cause: error, outcome: sent && failure.reached ? "unknown" : "not-written" }))
    : Effect.die(error)

/** A read's failure: nothing was written whatever happened. */
export const readFailure = (error: unknown): Effect.Effect<never, StoreUnavailable> =>
  unavailableOrDie(error, classify(error), false)
