import { Predicate, Result, Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import type { RecordedEvent } from "./event-store.ts"
import { storesAsIs } from "./stored-as-is.ts"

/**
 * Turns domain events into stored `{ type, schemaVersion, data }` and back (STORE.md §6).
 * Decoders are compiled once per type and version: read models decode a million events at
 * start-up, so the hot path is two map lookups, one object spread and one Schema decode.
 */

export class EventDecodeError extends Schema.TaggedError<EventDecodeError>()("EventDecodeError", {
  stream: Schema.String,
  version: Schema.Number,
  type: Schema.String,
  schemaVersion: Schema.Number,
  reason: Schema.String
}) {
  override get message() {
    return `Cannot decode event ${this.version} of stream ${this.stream} (${this.type} v${this.schemaVersion}): ${this.reason}`
  }
}

/** What an event is stored as, besides its id and metadata. */
export interface StoredForm {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
}

export interface EventCodec<E extends { readonly _tag: string }> {
  /**
   * Encodes with the current version. Takes any tagged event, as generic deciders produce events
   * whose tag TypeScript cannot tie to `E`; an unknown type or an event its Schema rejects is a bug
   * and throws.
   */
  readonly encode: (event: { readonly _tag: string }) => StoredForm
  /** Decodes with the Schema of the stored version, then upcasts to the current one. */
  readonly decode: (recorded: RecordedEvent) => Result.Result<E, EventDecodeError>
  /**
   * `decode` for replaying a whole log into read models: data stored at the current version of a
   * type whose Schema only checks (no transformation) is taken as it is, since `encode` validated
   * it with that very Schema; older versions and other types are decoded. A full decode costs more
   * than the fold itself (docs/benchmarks.md); commands always `decode`.
   */
  readonly replay: (recorded: RecordedEvent) => Result.Result<E, EventDecodeError>
}

type AnyEvent = { readonly _tag: string }

/** Decodes one stored version's data into the current domain event, or says why not. */
type Step = (data: unknown) => Result.Result<AnyEvent, string>

/** The domain events a list of definitions describes: the union of theirs. */
export type EventOf<D> = D extends EventDefinition<infer E extends { readonly _tag: string }> ? E : never

export function makeEventCodec<const D extends ReadonlyArray<EventDefinition>>(
  definitions: D
): EventCodec<EventOf<D[number]>>
// Each definition ties its own type to its own Schema; the body sees only their common shape.
export function makeEventCodec(definitions: ReadonlyArray<EventDefinition>): EventCodec<AnyEvent> {
  const encoders = new Map<string, { readonly schemaVersion: number; readonly encode: (event: AnyEvent) => unknown }>()
  const decoders = new Map<string, ReadonlyMap<number, Step>>()
  const trusted = new Map<string, number>()
  for (const definition of definitions) {
    if (encoders.has(definition.type)) throw new Error(`Event type ${definition.type} is defined twice.`)
    encoders.set(definition.type, {
      schemaVersion: definition.schemaVersion,
      encode: Schema.encodeSync(definition.schema)
    })
    decoders.set(definition.type, stepsOf(definition))
    if (storesAsIs(definition.schema.ast)) trusted.set(definition.type, definition.schemaVersion)
  }
  const decode = (recorded: RecordedEvent): Result.Result<AnyEvent, EventDecodeError> => {
    const step = decoders.get(recorded.type)?.get(recorded.schemaVersion)
    const outcome = step ? step(recorded.data) : Result.fail("no EventDefinition knows this type and version")
    return Result.mapError(outcome, (reason) =>
      new EventDecodeError({
        stream: recorded.stream,
        version: recorded.version,
        type: recorded.type,
        schemaVersion: recorded.schemaVersion,
        reason
      }))
  }
  return {
    encode: (event) => {
      const encoder = encoders.get(event._tag)
      if (!encoder) throw new Error(`Event type ${event._tag} has no EventDefinition.`)
      const encoded = encoder.encode(event)
      if (!Predicate.isObject(encoded)) throw new Error(`Event type ${event._tag} does not encode to an object.`)
      const { _tag, ...data } = encoded
      return { type: event._tag, schemaVersion: encoder.schemaVersion, data }
    },
    decode,
    replay: (recorded) =>
      trusted.get(recorded.type) === recorded.schemaVersion && Predicate.isObject(recorded.data)
        ? Result.succeed({ _tag: recorded.type, ...recorded.data })
        : decode(recorded)
  }
}

/**
 * One step per version: the current Schema, and each older Schema followed by its upcast (which
 * receives what that Schema decoded) and the next version's step.
 */
const stepsOf = (definition: EventDefinition): ReadonlyMap<number, Step> => {
  const steps = new Map<number, Step>()
  const decodeCurrent = Schema.decodeUnknownResult(definition.schema)
  steps.set(definition.schemaVersion, (data) =>
    Predicate.isObject(data)
      // `_tag` first: V8 builds this literal much faster than with the tag appended.
      ? Result.mapError(decodeCurrent({ _tag: definition.type, ...data }), show)
      : Result.fail("its data is not a JSON object"))
  const history = [...definition.history ?? []].sort((a, b) => b.schemaVersion - a.schemaVersion)
  for (const old of history) {
    const next = steps.get(old.schemaVersion + 1)
    if (!next) throw new Error(`${definition.type} v${old.schemaVersion} has no version ${old.schemaVersion + 1} to upcast to.`)
    const decodeOld = Schema.decodeUnknownResult(old.schema)
    steps.set(old.schemaVersion, (data) => Result.flatMap(Result.mapError(decodeOld(data), show), (value) => next(old.upcast(value))))
  }
  return steps
}

const show = (error: Schema.SchemaError): string => error.message
