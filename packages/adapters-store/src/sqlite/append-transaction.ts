import type Database from "better-sqlite3"
import { Effect, Result } from "effect"
import type {
  AppendRequest,
  AppendResult,
  ConcurrencyConflict,
  DuplicateEventId,
  EncodedEvent,
  StoreUnavailable,
  StoredVersionOf
} from "@csm/core"
import { decideAppend } from "@csm/core"
import { failure } from "./sqlite-failure.ts"
import type { Statements } from "./statements.ts"

type Refusal = ConcurrencyConflict | DuplicateEventId

/**
 * Rules 2 to 5 of STORE.md §2 for validated requests, in one `BEGIN IMMEDIATE` transaction: the
 * write lock is taken before any version is read, so nothing moves between the decision and the
 * write, and with one writer at a time positions are handed out in commit order. Every request
 * is decided before any is written, so `appendMany` writes all or none.
 */
export const makeAppendTransaction = (db: Database.Database, statements: Statements) => {
  const { insertEvent, saveStream, storedVersions, streamVersion } = statements
  const storedVersionsOf = ({ events, stream }: AppendRequest): StoredVersionOf => {
    const stored = new Map(storedVersions.all(stream, JSON.stringify(events.map((event) => event.id))))
    return (id) => stored.get(id)
  }
  // Set once the writes are done: a failure after it came from COMMIT, which may have landed.
  let committing = false

  const transaction = db.transaction((
    requests: ReadonlyArray<AppendRequest>,
    batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>,
    recordedAt: string
  ): Result.Result<Array<AppendResult>, Refusal> => {
    const results: Array<AppendResult> = []
    for (const request of requests) {
      const actual = streamVersion.get(request.stream) ?? 0
      // A missing stream stores no ids: no need to look them up.
      const decided = decideAppend(request, actual, actual === 0 ? () => undefined : storedVersionsOf(request))
      if (Result.isFailure(decided)) return Result.fail(decided.failure)
      results.push(decided.success)
    }
    for (const [which, { duplicate, firstVersion, lastVersion, stream }] of results.entries()) {
      if (duplicate) continue
      saveStream.run(stream, lastVersion)
      for (const [offset, event] of batches[which].entries()) {
        insertEvent.run(stream, firstVersion + offset, event.id, event.type, event.schemaVersion, event.data, event.metadata, recordedAt)
      }
    }
    committing = true
    return Result.succeed(results)
  })

  return (requests: ReadonlyArray<AppendRequest>, batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>, recordedAt: string) =>
    Effect.suspend((): Effect.Effect<Array<AppendResult>, Refusal | StoreUnavailable> => {
      committing = false
      try {
        return Effect.fromResult(transaction.immediate(requests, batches, recordedAt))
      } catch (cause) {
        return failure(cause, committing ? "unknown" : "not-written")
      }
    })
}
