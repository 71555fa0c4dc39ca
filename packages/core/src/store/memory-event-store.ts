import { Clock, Deferred, Effect, Layer, Option, Result } from "effect"
import type { EncodedEvent } from "./append-rules.ts"
import { decideAppend, DefaultMaxBatchBytes, validateAppend, validateAppendMany } from "./append-rules.ts"
import type {
  AppendRequest,
  AppendResult,
  Checkpoint,
  ConcurrencyConflict,
  DuplicateEventId,
  ReadStreamOptions,
  RecordedEvent,
  StreamSlice
} from "./event-store.ts"
import { CheckpointMismatch, End, EventStore, pageSize } from "./event-store.ts"
import { followLog } from "./follow-log.ts"
import { sequenceCheckpoint, sequenceOf } from "./sequence-checkpoint.ts"

/**
 * The in-memory event store: the reference semantics of STORE.md, for tests, embedding and
 * benchmarks. Every append is one synchronous step, hence atomic. Data is kept as JSON text and
 * parsed on each read, so payloads that do not survive JSON fail in tests as they would in SQL.
 */

export interface MemoryEventStoreOptions {
  /** The JSON budget of one batch (1 MiB by default). */
  readonly maxBatchBytes?: number
}

interface StoredEvent {
  readonly stream: string
  readonly version: number
  readonly id: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: string
  // A flat string map survives JSON unchanged, so one frozen copy serves every read.
  readonly metadata: Readonly<Record<string, string>>
  readonly recordedAt: string
}

interface StreamIndex {
  /** Log positions (0-based) by version − 1. */
  readonly positions: Array<number>
  readonly versionOf: Map<string, number>
}

const make = (options: MemoryEventStoreOptions = {}) =>
  Effect.gen(function*() {
    const clock = yield* Clock.Clock
    const maxBatchBytes = options.maxBatchBytes ?? DefaultMaxBatchBytes
    const log: Array<StoredEvent> = []
    const streams = new Map<string, StreamIndex>()
    const checkpoints = new Map<string, { readonly checkpoint: Checkpoint; readonly token: string }>()
    // The hub: created by the first waiting subscriber, completed by the next write.
    let changed: Deferred.Deferred<void> | undefined

    const recorded = (position: number): RecordedEvent => {
      const event = log[position]
      return {
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: JSON.parse(event.data),
        metadata: event.metadata,
        stream: event.stream,
        version: event.version,
        checkpoint: sequenceCheckpoint(position + 1),
        recordedAt: event.recordedAt
      }
    }

    /** Rules 2 to 5 for validated requests: all are written, or none. */
    const commit = (
      requests: ReadonlyArray<AppendRequest>,
      batches: ReadonlyArray<ReadonlyArray<EncodedEvent>>
    ): Result.Result<Array<AppendResult>, ConcurrencyConflict | DuplicateEventId> => {
      const results: Array<AppendResult> = []
      for (const request of requests) {
        const index = streams.get(request.stream)
        const result = decideAppend(request, index?.positions.length ?? 0, (id) => index?.versionOf.get(id))
        if (Result.isFailure(result)) return Result.fail(result.failure)
        results.push(result.success)
      }
      const recordedAt = new Date(clock.currentTimeMillisUnsafe()).toISOString()
      for (const [which, result] of results.entries()) {
        if (result.duplicate) continue
        const index = streams.get(result.stream) ?? { positions: [], versionOf: new Map<string, number>() }
        streams.set(result.stream, index)
        for (const [offset, event] of batches[which].entries()) {
          const version = result.firstVersion + offset
          index.positions.push(log.length)
          index.versionOf.set(event.id, version)
          log.push({
            stream: result.stream,
            version,
            id: event.id,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.data,
            metadata: Object.freeze(JSON.parse(event.metadata)),
            recordedAt
          })
        }
      }
      if (changed && results.some((result) => !result.duplicate)) {
        Deferred.doneUnsafe(changed, Effect.void)
        changed = undefined
      }
      return Result.succeed(results)
    }

    const readStream = (stream: string, { from = 1, maxCount, to }: ReadStreamOptions = {}) =>
      Effect.sync((): StreamSlice => {
        const index = streams.get(stream)
        if (!index) return { exists: false, version: 0, events: [] }
        const version = index.positions.length
        const first = Math.max(from, 1)
        const last = Math.min(to ?? version, version, maxCount === undefined ? version : first + maxCount - 1)
        const events: Array<RecordedEvent> = []
        for (let v = first; v <= last; v++) events.push(recorded(index.positions[v - 1]))
        return { exists: true, version, events }
      })

    const readAll = (after: Checkpoint, limit?: number) =>
      Effect.sync(() => {
        const start = sequenceOf(after, log.length)
        const stop = Math.min(log.length, start + pageSize(limit))
        const events: Array<RecordedEvent> = []
        for (let position = start; position < stop; position++) events.push(recorded(position))
        return { events, next: stop > start ? sequenceCheckpoint(stop) : after, atEnd: stop >= log.length }
      })

    const awaitChange = (after: Checkpoint) =>
      Effect.suspend(() =>
        sequenceOf(after, log.length) < log.length ? Effect.void : Deferred.await(changed ??= Deferred.makeUnsafe())
      )

    return EventStore.of({
      capabilities: { multiStreamAppend: true, strictEventIds: true },
      append: (stream, events, expected) =>
        Effect.suspend(() => {
          const request = { stream, events, expected }
          const outcome = Result.flatMap(validateAppend(request, maxBatchBytes), (batch) => commit([request], [batch]))
          return Effect.fromResult(Result.map(outcome, (results) => results[0]))
        }),
      appendMany: (requests) =>
        Effect.suspend(() =>
          Effect.fromResult(
            Result.flatMap(validateAppendMany(requests, maxBatchBytes), (batches) => commit(requests, batches))
          )
        ),
      readStream,
      readAll,
      subscribe: (from) =>
        followLog({
          from: Effect.sync(() => from === End ? sequenceCheckpoint(log.length) : from),
          readAll,
          awaitChange
        }),
      checkpoints: {
        load: (consumer) => Effect.sync(() => Option.fromNullishOr(checkpoints.get(consumer))),
        save: (consumer, checkpoint, expectedToken) =>
          Effect.suspend(() => {
            const actual = checkpoints.get(consumer)?.token
            const expected = Option.getOrUndefined(expectedToken)
            if (expected !== actual) {
              return Effect.fail(
                new CheckpointMismatch({
                  consumer,
                  ...(expected === undefined ? {} : { expected }),
                  ...(actual === undefined ? {} : { actual })
                })
              )
            }
            const token = String(Number(actual ?? 0) + 1)
            checkpoints.set(consumer, { checkpoint, token })
            return Effect.succeed(token)
          })
      }
    })
  })

export const MemoryEventStore = {
  /** A fresh, empty store; benchmarks use it directly. */
  make,
  /** A fresh, empty store with the default options each time the layer is built. */
  layer: Layer.effect(EventStore, make())
}
