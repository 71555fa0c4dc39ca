import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { AppendRequest, AppendResult, EncodedEvent, StoreUnavailable } from "@csm/core"
import { ConcurrencyConflict, describeExpected, DuplicateEventId } from "@csm/core"
import { attempt } from "./postgres-failure.ts"
import { eventsJson, singleAppend } from "./single-append.ts"

/** The statement that runs `csm_append` (append-function.ts), and its parameters. */
export const appendStatement = "SELECT csm_append($1::jsonb, $2)::text"

/**
 * The requests as `csm_append` takes them. Data and metadata were encoded by the validation
 * already, so they are spliced in as they are rather than encoded twice.
 */
export const appendPayload = (
  requests: ReadonlyArray<AppendRequest>,
  batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>
): string =>
  `[${
    requests.map((request, which) =>
      `{"stream":${JSON.stringify(request.stream)},"expected":${JSON.stringify(request.expected)},"events":${
        eventsJson(batches[which])
      }}`
    ).join(",")
  }]`

type Answer =
  | { readonly results: ReadonlyArray<{ readonly first: number; readonly duplicate: boolean }> }
  | { readonly conflict: number; readonly actual: number }
  | { readonly reused: string; readonly eventId: string }

/** `csm_append`'s answer as the port's results or error. */
export const appendOutcome = (
  requests: ReadonlyArray<AppendRequest>,
  text: string
): Effect.Effect<Array<AppendResult>, ConcurrencyConflict | DuplicateEventId> => {
  const answer = JSON.parse(text) as Answer
  if ("conflict" in answer) {
    const { expected, stream } = requests[answer.conflict]
    return Effect.fail(new ConcurrencyConflict({ stream, expected: describeExpected(expected), actual: answer.actual }))
  }
  if ("reused" in answer) return Effect.fail(new DuplicateEventId({ stream: answer.reused, eventId: answer.eventId }))
  return Effect.succeed(answer.results.map(({ duplicate, first }, which) => ({
    stream: requests[which].stream,
    firstVersion: first,
    lastVersion: first + requests[which].events.length - 1,
    duplicate
  })))
}

const isUniqueViolation = (error: SqlError) => error.reason._tag === "UniqueViolation"

/**
 * Appends validated requests: one request by its plain statement (single-append.ts), which
 * writes only when every rule lets it through; several, and whatever that statement left
 * undecided (a conflict, a duplicate, a reused id), by `csm_append`. So a successful append is
 * one round trip, and a refused or repeated one two. A failure once a statement was sent leaves
 * the outcome unknown: the commit may have landed, and a retry is safe by rule 2.
 */
export const makeAppendCall = (sql: SqlClient) => {
  const appendByFunction = (
    requests: ReadonlyArray<AppendRequest>,
    batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>,
    recordedAt: string
  ) =>
    Effect.flatMap(
      attempt(sql.unsafe(appendStatement, [appendPayload(requests, batches), recordedAt]).values, "unknown"),
      (rows) => appendOutcome(requests, String(rows[0][0]))
    )

  return (
    requests: ReadonlyArray<AppendRequest>,
    batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>,
    recordedAt: string
  ): Effect.Effect<Array<AppendResult>, ConcurrencyConflict | DuplicateEventId | StoreUnavailable> => {
    if (requests.length !== 1) return appendByFunction(requests, batches, recordedAt)
    const [request] = requests
    const { params, statement } = singleAppend(request, batches[0], recordedAt)
    // A unique violation undid the whole statement: csm_append tells a duplicate from a reused id.
    const written = Effect.catchIf(sql.unsafe(statement, params).values, isUniqueViolation, () => Effect.succeed([]))
    return Effect.flatMap(attempt(written, "unknown"), (rows) => {
      if (rows.length === 0) return appendByFunction(requests, batches, recordedAt)
      const first = Number(rows[0][0]) + 1
      return Effect.succeed([{
        stream: request.stream,
        firstVersion: first,
        lastVersion: first + request.events.length - 1,
        duplicate: false
      }])
    })
  }
}
