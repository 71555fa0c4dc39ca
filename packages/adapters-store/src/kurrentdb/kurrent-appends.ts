import { Effect } from "effect"
import type { AppendError, AppendRequest, AppendResult, StoreUnavailable } from "@csm/core"
import { ConcurrencyConflict, describeExpected, InvalidAppend } from "@csm/core"
import { checkpointStreamPrefix, eventDataOf } from "./event-record.ts"
import type { KurrentClient } from "./kurrent-client.ts"
import { classify, unavailableOrDie } from "./kurrent-failure.ts"
import { streamVersion } from "./stream-reads.ts"
import { streamStateOf, versionOf, versionOfState } from "./stream-revision.ts"

/**
 * The writes behind `append` and `appendMany`, after the core's validation (rule 1). The server
 * checks the expectation and the ids (rules 2, 3 and 5): it acknowledges a recent re-send at its
 * position without writing, and reports the stream's true revision on a conflict. It does not
 * say which of the two an acknowledgement was, so each stream's version is read first: a batch
 * that ends at or below it was already there (`duplicate`).
 */
export const makeWrite = (client: KurrentClient) =>
(requests: ReadonlyArray<AppendRequest>): Effect.Effect<ReadonlyArray<AppendResult>, AppendError> =>
  Effect.gen(function*() {
    const reserved = requests.find((request) => request.stream.startsWith(checkpointStreamPrefix))
    if (reserved) {
      return yield* new InvalidAppend({
        reason: `Append to ${JSON.stringify(reserved.stream)}: streams starting with ${checkpointStreamPrefix} hold consumer checkpoints in this store.`
      })
    }
    const before = yield* Effect.forEach(requests, (request) => streamVersion(client, request.stream), { concurrency: "unbounded" })
    const lastRevisions = yield* Effect.tryPromise({
      try: () =>
        requests.length === 1
          ? client.appendToStream(requests[0].stream, requests[0].events.map(eventDataOf), {
            streamState: streamStateOf(requests[0].expected)
          }).then((result) => [result.nextExpectedRevision])
          : client.multiStreamAppend(requests.map((request) => ({
            streamName: request.stream,
            events: request.events.map(eventDataOf),
            expectedState: streamStateOf(request.expected)
          }))).then((result) => requests.map((request) => revisionIn(result.responses, request.stream))),
      catch: (error) => error
    }).pipe(Effect.catch(appendFailure(requests)))
    return requests.map((request, index): AppendResult => {
      const lastVersion = versionOf(lastRevisions[index])
      return {
        stream: request.stream,
        firstVersion: lastVersion - request.events.length + 1,
        lastVersion,
        duplicate: lastVersion <= before[index]
      }
    })
  })

const revisionIn = (responses: ReadonlyArray<{ readonly streamName: string; readonly revision: bigint }>, stream: string) => {
  const response = responses.find((candidate) => candidate.streamName === stream)
  if (response === undefined) throw new Error(`The multi-stream append's acknowledgement does not name stream ${stream}.`)
  return response.revision
}

/** A conflict names the request's stream and expectation with the stream's true version. */
const appendFailure = (requests: ReadonlyArray<AppendRequest>) =>
(error: unknown): Effect.Effect<never, ConcurrencyConflict | InvalidAppend | StoreUnavailable> => {
  const failure = classify(error)
  if (failure._tag === "WrongExpectedVersion") {
    const request = requests.find((candidate) => candidate.stream === failure.stream) ?? requests[0]
    return Effect.fail(new ConcurrencyConflict({
      stream: request.stream,
      expected: describeExpected(request.expected),
      actual: versionOfState(failure.actual)
    }))
  }
  if (failure._tag === "TooLarge") {
    return Effect.fail(new InvalidAppend({
      reason: "The batch exceeds the server's maximum append size: send smaller batches or raise the server's MaxAppendSize."
    }))
  }
  return unavailableOrDie(error, failure, true)
}
