import { Predicate, Result } from "effect"
import type { AppendRequest, AppendResult, ExpectedVersion } from "./event-store.ts"
import { ConcurrencyConflict, describeExpected, DuplicateEventId, InvalidAppend } from "./event-store.ts"

/**
 * The append rules of STORE.md §2 that every adapter shares, as pure functions. An SQL adapter
 * validates before its transaction, then calls `decideAppend` with what it read inside it.
 */

export const DefaultMaxBatchBytes = 1024 * 1024

/** A validated event, its data and metadata as the JSON text that was measured. */
export interface EncodedEvent {
  readonly id: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: string
  readonly metadata: string
}

/** The version at which a stream stores an event id, if it does. */
export type StoredVersionOf = (eventId: string) => number | undefined

// Lowercase only, so that one id cannot be stored under two spellings.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Rule 1 for one request: its events encoded, or why the append is refused. */
export const validateAppend = (
  request: AppendRequest,
  maxBatchBytes: number = DefaultMaxBatchBytes
): Result.Result<ReadonlyArray<EncodedEvent>, InvalidAppend> => {
  const { events, expected, stream } = request
  const refuse = (reason: string) => Result.fail(new InvalidAppend({ reason: `Append to ${show(stream)}: ${reason}` }))
  if (!Predicate.isString(stream) || stream.length < 1 || stream.length > 200) {
    return refuse("a stream name has 1 to 200 characters.")
  }
  if (stream.startsWith("$")) return refuse("stream names starting with $ are reserved.")
  if (expected._tag === "Exact" && !(Number.isSafeInteger(expected.version) && expected.version >= 0)) {
    return refuse(`the expected version must be an integer of at least 0, not ${show(expected.version)}.`)
  }
  if (events.length === 0) return refuse("the batch has no events.")
  const encoded: Array<EncodedEvent> = []
  const ids = new Set<string>()
  let bytes = 0
  for (const [index, event] of events.entries()) {
    const which = `event ${index + 1}`
    if (!Predicate.isString(event.id) || !uuid.test(event.id)) {
      return refuse(`${which} needs a lowercase UUID as its id, not ${show(event.id)}.`)
    }
    if (ids.has(event.id)) return refuse(`${which} repeats the id ${event.id}.`)
    ids.add(event.id)
    if (!Predicate.isString(event.type) || event.type.length === 0) return refuse(`${which} has no type.`)
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      return refuse(`${which} needs an integer schemaVersion of at least 1, not ${show(event.schemaVersion)}.`)
    }
    if (!isStringMap(event.metadata)) return refuse(`${which} needs metadata that maps names to strings.`)
    const data = toJson(event.data)
    if (data === undefined) return refuse(`${which} has data that is not JSON.`)
    const metadata = JSON.stringify(event.metadata)
    bytes += utf8Length(data) + utf8Length(metadata)
    if (bytes > maxBatchBytes) return refuse(`the batch exceeds ${maxBatchBytes} bytes of JSON.`)
    encoded.push({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data, metadata })
  }
  return Result.succeed(encoded)
}

/** Rule 1 for `appendMany`: every request valid, each stream at most once. */
export const validateAppendMany = (
  requests: ReadonlyArray<AppendRequest>,
  maxBatchBytes: number = DefaultMaxBatchBytes
): Result.Result<ReadonlyArray<ReadonlyArray<EncodedEvent>>, InvalidAppend> => {
  if (requests.length === 0) return Result.fail(new InvalidAppend({ reason: "appendMany needs at least one request." }))
  const streams = new Set<string>()
  const encoded: Array<ReadonlyArray<EncodedEvent>> = []
  for (const request of requests) {
    if (streams.has(request.stream)) {
      return Result.fail(new InvalidAppend({ reason: `appendMany names stream ${show(request.stream)} twice.` }))
    }
    streams.add(request.stream)
    const events = validateAppend(request, maxBatchBytes)
    if (Result.isFailure(events)) return Result.fail(events.failure)
    encoded.push(events.success)
  }
  return Result.succeed(encoded)
}

/**
 * Rule 2: the batch is already stored, at consecutive versions in batch order, where the
 * expectation put it. It precedes the version check so that a retry after a lost
 * acknowledgement, carrying a now-stale expectation, still succeeds.
 */
export const duplicateOf = (
  request: AppendRequest,
  storedVersionOf: StoredVersionOf
): AppendResult | undefined => {
  const { events, expected, stream } = request
  const first = storedVersionOf(events[0].id)
  if (first === undefined) return undefined
  for (let index = 1; index < events.length; index++) {
    if (storedVersionOf(events[index].id) !== first + index) return undefined
  }
  const placed = expected._tag === "NoStream"
    ? first === 1
    : expected._tag === "Exact"
    ? first === expected.version + 1
    : true
  return placed ? { stream, firstVersion: first, lastVersion: first + events.length - 1, duplicate: true } : undefined
}

/** Rule 3: the stream's version meets the expectation. */
export const versionConflict = (
  stream: string,
  expected: ExpectedVersion,
  actual: number
): ConcurrencyConflict | undefined => {
  const met = expected._tag === "NoStream"
    ? actual === 0
    : expected._tag === "StreamExists"
    ? actual > 0
    : expected._tag === "Exact"
    ? actual === expected.version
    : true
  return met ? undefined : new ConcurrencyConflict({ stream, expected: describeExpected(expected), actual })
}

/** Rule 4: no id of the batch is stored in the stream already. */
export const reusedId = (request: AppendRequest, storedVersionOf: StoredVersionOf): DuplicateEventId | undefined => {
  const reused = request.events.find((event) => storedVersionOf(event.id) !== undefined)
  return reused && new DuplicateEventId({ stream: request.stream, eventId: reused.id })
}

/**
 * Rules 2 to 4 for a validated request, given the stream's version and stored ids as read in
 * the transaction: the result to return. Write versions `firstVersion … lastVersion` unless it
 * is a duplicate.
 */
export const decideAppend = (
  request: AppendRequest,
  actual: number,
  storedVersionOf: StoredVersionOf
): Result.Result<AppendResult, ConcurrencyConflict | DuplicateEventId> => {
  const duplicate = duplicateOf(request, storedVersionOf)
  if (duplicate) return Result.succeed(duplicate)
  const failure = versionConflict(request.stream, request.expected, actual) ?? reusedId(request, storedVersionOf)
  return failure
    ? Result.fail(failure)
    : Result.succeed({
      stream: request.stream,
      firstVersion: actual + 1,
      lastVersion: actual + request.events.length,
      duplicate: false
    })
}

const isStringMap = (value: unknown): boolean =>
  Predicate.isObject(value) && Object.values(value).every(Predicate.isString)

// JSON.stringify throws on bigints and cycles, and returns undefined for undefined and functions.
const toJson = (value: unknown): string | undefined => {
  try {
    const text: string | undefined = JSON.stringify(value)
    return text
  } catch {
    return undefined
  }
}

const utf8Length = (text: string): number => {
  let bytes = text.length
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // Surrogate pairs are 4 bytes over 2 code units; JSON text has no lone surrogates.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2
  }
  return bytes
}

// Quotes strings; never throws, whatever the input.
const show = (value: unknown): string => Predicate.isString(value) ? JSON.stringify(value) : String(value)
