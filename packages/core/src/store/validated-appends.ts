import { Effect } from "effect"
import type { EncodedEvent } from "./append-rules.ts"
import { validateAppend, validateAppendMany } from "./append-rules.ts"
import type { AppendError, AppendRequest, AppendResult, EventStore } from "./event-store.ts"

/**
 * `append` and `appendMany` of an SQL store: rule 1 (validation) before anything reaches the
 * database, then `write`, which applies the other rules to all the requests in one transaction.
 */
export const validatedAppends = (
  write: (
    requests: ReadonlyArray<AppendRequest>,
    batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>
  ) => Effect.Effect<ReadonlyArray<AppendResult>, AppendError>,
  maxBatchBytes: number
): Pick<EventStore["Service"], "append" | "appendMany"> => ({
  append: (stream, events, expected) => {
    const request = { stream, events, expected }
    return Effect.suspend(() => Effect.fromResult(validateAppend(request, maxBatchBytes))).pipe(
      Effect.flatMap((batch) => write([request], [batch])),
      Effect.map((results) => results[0]!)
    )
  },
  appendMany: (requests) =>
    Effect.flatMap(
      Effect.suspend(() => Effect.fromResult(validateAppendMany(requests, maxBatchBytes))),
      (batches) => write(requests, batches)
    )
})
