import { Context, Schema } from "effect"
import type { Effect, Option, Stream } from "effect"

/**
 * The event-store port of STORE.md §2. Versions start at 1 (a missing stream has version 0) in
 * every adapter; checkpoints are opaque strings that compare in log order.
 */

/** A position in the global log, or one of the markers `start` and `end`. */
export type Checkpoint = string
export const Start: Checkpoint = "start"
export const End: Checkpoint = "end"

/** An event to append. `id` is a UUID chosen once per command, before any retry. */
export interface NewEvent {
  readonly id: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  readonly metadata: Readonly<Record<string, string>>
}

/** An event as stored. */
export interface RecordedEvent extends NewEvent {
  readonly stream: string
  readonly version: number
  readonly checkpoint: Checkpoint
  readonly recordedAt: string
}

export type ExpectedVersion =
  | { readonly _tag: "NoStream" }
  | { readonly _tag: "StreamExists" }
  | { readonly _tag: "Any" }
  | { readonly _tag: "Exact"; readonly version: number }

export const ExpectedVersion = {
  NoStream: { _tag: "NoStream" } as ExpectedVersion,
  StreamExists: { _tag: "StreamExists" } as ExpectedVersion,
  Any: { _tag: "Any" } as ExpectedVersion,
  Exact: (version: number): ExpectedVersion => ({ _tag: "Exact", version })
}

export const describeExpected = (expected: ExpectedVersion): string =>
  expected._tag === "Exact" ? String(expected.version) : expected._tag

export interface AppendRequest {
  readonly stream: string
  readonly events: ReadonlyArray<NewEvent>
  readonly expected: ExpectedVersion
}

export interface AppendResult {
  readonly stream: string
  readonly firstVersion: number
  readonly lastVersion: number
  readonly duplicate: boolean
}

export interface ReadStreamOptions {
  readonly from?: number
  readonly to?: number
  readonly maxCount?: number
}

export interface StreamSlice {
  readonly exists: boolean
  readonly version: number
  readonly events: ReadonlyArray<RecordedEvent>
}

/** How many events `readAll` returns: 1,000 unless asked, never more than 10,000. */
export const pageSize = (limit?: number): number => limit === undefined ? 1_000 : Math.min(Math.max(Math.floor(limit), 1), 10_000)

export interface LogPage {
  readonly events: ReadonlyArray<RecordedEvent>
  readonly next: Checkpoint
  readonly atEnd: boolean
}

export type SubscriptionItem =
  | { readonly _tag: "Event"; readonly event: RecordedEvent }
  | { readonly _tag: "CaughtUp"; readonly checkpoint: Checkpoint }

export interface StoreCapabilities {
  readonly multiStreamAppend: boolean
  readonly strictEventIds: boolean
}

export class ConcurrencyConflict extends Schema.TaggedError<ConcurrencyConflict>()("ConcurrencyConflict", {
  stream: Schema.String,
  expected: Schema.String,
  actual: Schema.Number
}) {
  override get message() {
    return `Stream ${this.stream} is at version ${this.actual}, not ${this.expected}.`
  }
}

export class DuplicateEventId extends Schema.TaggedError<DuplicateEventId>()("DuplicateEventId", {
  stream: Schema.String,
  eventId: Schema.String
}) {
  override get message() {
    return `Event ${this.eventId} is already stored in stream ${this.stream} at another position.`
  }
}

export class InvalidAppend extends Schema.TaggedError<InvalidAppend>()("InvalidAppend", {
  reason: Schema.String
}) {
  override get message() {
    return this.reason
  }
}

export class Unsupported extends Schema.TaggedError<Unsupported>()("Unsupported", {
  operation: Schema.String
}) {
  override get message() {
    return `This event store does not support ${this.operation}.`
  }
}

export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  cause: Schema.Defect(),
  outcome: Schema.Literals(["not-written", "unknown"])
}) {
  override get message() {
    return `The event store is unavailable (${this.outcome === "unknown" ? "the write may have happened" : "nothing was written"}).`
  }
}

export class CheckpointMismatch extends Schema.TaggedError<CheckpointMismatch>()("CheckpointMismatch", {
  consumer: Schema.String,
  expected: Schema.optionalKey(Schema.String),
  actual: Schema.optionalKey(Schema.String)
}) {
  override get message() {
    return `Another instance owns consumer ${this.consumer}.`
  }
}

export type AppendError = ConcurrencyConflict | DuplicateEventId | InvalidAppend | StoreUnavailable

export class EventStore extends Context.Service<EventStore, {
  readonly capabilities: StoreCapabilities
  readonly append: (
    stream: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion
  ) => Effect.Effect<AppendResult, AppendError>
  /** All requests or none; a stream appears at most once. */
  readonly appendMany: (
    requests: ReadonlyArray<AppendRequest>
  ) => Effect.Effect<ReadonlyArray<AppendResult>, AppendError | Unsupported>
  readonly readStream: (stream: string, options?: ReadStreamOptions) => Effect.Effect<StreamSlice, StoreUnavailable>
  /** Events strictly after `after`, at most `limit` (default 1,000, at most 10,000). */
  readonly readAll: (after: Checkpoint, limit?: number) => Effect.Effect<LogPage, StoreUnavailable>
  /** Exclusive of `from`; emits one `CaughtUp`, then live events. */
  readonly subscribe: (from: Checkpoint) => Stream.Stream<SubscriptionItem, StoreUnavailable>
  readonly checkpoints: {
    readonly load: (
      consumer: string
    ) => Effect.Effect<Option.Option<{ readonly checkpoint: Checkpoint; readonly token: string }>, StoreUnavailable>
    readonly save: (
      consumer: string,
      checkpoint: Checkpoint,
      expectedToken: Option.Option<string>
    ) => Effect.Effect<string, CheckpointMismatch | StoreUnavailable>
  }
}>()("csm/core/store/EventStore") {}
