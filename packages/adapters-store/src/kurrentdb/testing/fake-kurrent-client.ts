import { END, START, StreamNotFoundError, WrongExpectedVersionError } from "@kurrent/kurrentdb-client"
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  AppendStreamState,
  EventData,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions
} from "@kurrent/kurrentdb-client"
import type { KurrentClient, LiveEvents } from "../kurrent-client.ts"

/**
 * A small in-memory stand-in for a KurrentDB server, for the adapter's unit tests only. It
 * imitates what the adapter relies on: revisions from 0, expected states, idempotent re-sends
 * at their position, `StreamNotFoundError` while iterating, `$all` positions, and reads of
 * `$all` that repeat the record at `fromPosition` (the adapter must drop it). It records the
 * calls so tests can check what the adapter sent.
 */
export interface FakeKurrent {
  readonly client: KurrentClient
  readonly calls: Array<{ readonly method: string; readonly stream?: string; readonly state?: AppendStreamState }>
  /** Writes records that are not the store's, as the server itself does. */
  readonly writeForeign: (stream: string, type: string) => void
  /** Makes the next call of `method` fail with `error`. */
  readonly failNext: (method: keyof KurrentClient, error: Error) => void
  readonly disposed: () => boolean
}

export const fakeKurrent = (): FakeKurrent => {
  const log: Array<AllStreamRecordedEvent> = []
  const streams = new Map<string, Array<AllStreamRecordedEvent>>()
  const calls: FakeKurrent["calls"] = []
  const failures = new Map<string, Error>()
  const wakers = new Set<() => void>()
  let disposed = false

  const call = (method: keyof KurrentClient, details: Omit<FakeKurrent["calls"][number], "method"> = {}) => {
    calls.push({ method, ...details })
    const failure = failures.get(method)
    failures.delete(method)
    if (failure) throw failure
  }

  const record = (stream: string, event: EventData): AllStreamRecordedEvent => {
    const position: Position = { commit: BigInt(log.length * 100 + 100), prepare: BigInt(log.length * 100 + 100) }
    const events = streams.get(stream) ?? []
    const recorded = {
      streamId: stream,
      id: event.id,
      isJson: true,
      revision: BigInt(events.length),
      type: event.type,
      created: new Date(Date.UTC(2026, 0, 1)),
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: event.metadata,
      position
    } as AllStreamRecordedEvent
    events.push(recorded)
    streams.set(stream, events)
    log.push(recorded)
    return recorded
  }

  /** The revision the append ends at: of the stored batch for an idempotent re-send, else after writing. */
  const check = (stream: string, events: ReadonlyArray<EventData>, state: AppendStreamState): bigint | "write" => {
    const stored = streams.get(stream) ?? []
    const current = stored.length === 0 ? "no_stream" : BigInt(stored.length - 1)
    const expectedNext = state === "no_stream" ? 0 : typeof state === "bigint" ? Number(state) + 1 : undefined
    const firstAt = expectedNext ?? stored.findIndex((event) => event.id === events[0].id)
    const resent = firstAt >= 0 && firstAt + events.length <= stored.length &&
      events.every((event, index) => stored[firstAt + index].id === event.id)
    if (resent) return BigInt(firstAt + events.length - 1)
    const met = state === "any" || (state === "stream_exists" ? current !== "no_stream" : state === current)
    if (!met) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected: state, current })
    return "write"
  }

  const wake = () => {
    for (const waker of [...wakers]) waker()
  }

  const client: KurrentClient = {
    appendToStream: async (stream, events, { streamState = "any" }) => {
      call("appendToStream", { stream, state: streamState })
      const ended = check(stream, events, streamState)
      if (ended !== "write") return { success: true, nextExpectedRevision: ended }
      for (const event of events) record(stream, event)
      wake()
      return { success: true, nextExpectedRevision: BigInt(streams.get(stream)!.length - 1) }
    },
    multiStreamAppend: async (requests) => {
      call("multiStreamAppend")
      const checked = requests.map((request) => check(request.streamName, request.events, request.expectedState))
      const responses = requests.map((request, index) => {
        const ended = checked[index]
        if (ended !== "write") return { streamName: request.streamName, revision: ended }
        for (const event of request.events) record(request.streamName, event)
        return { streamName: request.streamName, revision: BigInt(streams.get(request.streamName)!.length - 1) }
      })
      wake()
      return { position: BigInt(log.length), responses }
    },
    readStream: (stream, options: ReadStreamOptions) => ({
      async *[Symbol.asyncIterator]() {
        call("readStream", { stream })
        const events = streams.get(stream)
        if (!events) throw new StreamNotFoundError(undefined, stream)
        const backwards = options.direction === "backwards"
        const ordered = backwards ? [...events].reverse() : events
        const from = options.fromRevision === undefined || options.fromRevision === START || options.fromRevision === END
          ? 0
          : ordered.findIndex((event) => event.revision === options.fromRevision)
        const count = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)
        for (const event of from < 0 ? [] : ordered.slice(from, from + count)) yield { event }
      }
    }),
    readAll: (options: ReadAllOptions) => ({
      async *[Symbol.asyncIterator]() {
        call("readAll")
        const count = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)
        if (options.direction === "backwards") {
          for (const event of [...log].reverse().slice(0, count)) yield { event }
          return
        }
        const from = options.fromPosition === undefined || options.fromPosition === START ? undefined : options.fromPosition
        if (from === END) return
        // Inclusive of `fromPosition`, as a server may be.
        const start = from === undefined ? 0 : log.findIndex((event) => event.position.commit >= from.commit)
        for (const event of start < 0 ? [] : log.slice(start, start + count)) yield { event }
      }
    }),
    subscribeToAll: (options: SubscribeToAllOptions): LiveEvents => {
      call("subscribeToAll")
      const from = options.fromPosition
      let next = from === undefined || from === START ? 0 : from === END ? log.length : log.findIndex((event) => event.position.commit > from.commit)
      if (next < 0) next = log.length
      let stopped = false
      let stop = () => {}
      return {
        unsubscribe: async () => {
          stopped = true
          stop()
        },
        async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent> {
          while (!stopped) {
            if (next < log.length) {
              yield { event: log[next++] }
              continue
            }
            await new Promise<void>((resolve) => {
              const waker = () => {
                wakers.delete(waker)
                resolve()
              }
              stop = waker
              wakers.add(waker)
            })
          }
        }
      }
    },
    dispose: async () => {
      disposed = true
    }
  }

  return {
    client,
    calls,
    writeForeign: (stream, type) => {
      record(stream, { id: crypto.randomUUID(), contentType: "application/json", type, data: {}, metadata: undefined })
      wake()
    },
    failNext: (method, error) => failures.set(method, error),
    disposed: () => disposed
  }
}
