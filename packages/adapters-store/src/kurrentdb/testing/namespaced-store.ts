import { Effect, Layer, Stream } from "effect"
import type { AppendResult, Checkpoint, LogPage, RecordedEvent, StoreUnavailable, SubscriptionItem } from "@csm/core"
import { CheckpointMismatch, ConcurrencyConflict, DuplicateEventId, End, EventStore, pageSize } from "@csm/core"

/**
 * A store seen through a namespace, so that each contract case on one shared server (which
 * cannot be emptied between cases) sees a fresh, empty store: its streams and consumers get a
 * prefix the case never sees, and reads show only the namespace's events. For tests only.
 */
export const namespaced = (store: EventStore["Service"], namespace: string): EventStore["Service"] => {
  const inner = new Map<string, string>()
  const outer = new Map<string, string>()

  /** The stream's name inside; names the store must refuse stay as they are, so it still does. */
  const inside = (stream: string): string => {
    if (stream === "" || stream.startsWith("$") || stream.length > 200) return stream
    const known = inner.get(stream)
    if (known !== undefined) return known
    const prefixed = `${namespace}-${stream}`
    const name = prefixed.length <= 200 ? prefixed : `${namespace}-long${inner.size}`
    inner.set(stream, name)
    outer.set(name, stream)
    return name
  }
  const outside = (stream: string): string => outer.get(stream) ?? stream
  const ours = (event: RecordedEvent) => outer.has(event.stream)
  const shown = (event: RecordedEvent): RecordedEvent => ({ ...event, stream: outside(event.stream) })
  const shownResult = (result: AppendResult): AppendResult => ({ ...result, stream: outside(result.stream) })
  const consumerInside = (consumer: string) => `${namespace}-${consumer}`

  const renamed = <E>(error: E): E =>
    error instanceof ConcurrencyConflict
      ? new ConcurrencyConflict({ stream: outside(error.stream), expected: error.expected, actual: error.actual }) as E
      : error instanceof DuplicateEventId
      ? new DuplicateEventId({ stream: outside(error.stream), eventId: error.eventId }) as E
      : error instanceof CheckpointMismatch
      ? new CheckpointMismatch({
        consumer: error.consumer.slice(namespace.length + 1),
        ...(error.expected === undefined ? {} : { expected: error.expected }),
        ...(error.actual === undefined ? {} : { actual: error.actual })
      }) as E
      : error

  const readAll = (after: Checkpoint, limit?: number): Effect.Effect<LogPage, StoreUnavailable> =>
    Effect.gen(function*() {
      const size = pageSize(limit)
      const events: Array<RecordedEvent> = []
      for (let cursor = after, atEnd = false; events.length <= size && !atEnd;) {
        const page = yield* store.readAll(cursor, 10_000)
        events.push(...page.events.filter(ours).map(shown))
        cursor = page.next
        atEnd = page.atEnd
      }
      const page = events.slice(0, size)
      return { events: page, next: page.length > 0 ? page[page.length - 1].checkpoint : after, atEnd: events.length <= size }
    })

  // CaughtUp names the last event of the namespace delivered, as a store holding only those would.
  const subscribe = (from: Checkpoint) =>
    store.subscribe(from).pipe(
      Stream.mapAccum(
        (): Checkpoint | undefined => from === End ? undefined : from,
        (last, item): readonly [Checkpoint | undefined, ReadonlyArray<SubscriptionItem>] =>
          item._tag === "Event"
            ? ours(item.event) ? [item.event.checkpoint, [{ _tag: "Event", event: shown(item.event) }]] : [last, []]
            : [last, [{ _tag: "CaughtUp", checkpoint: last ?? item.checkpoint }]]
      )
    )

  return EventStore.of({
    capabilities: store.capabilities,
    append: (stream, events, expected) =>
      store.append(inside(stream), events, expected).pipe(Effect.map(shownResult), Effect.mapError(renamed)),
    appendMany: (requests) =>
      store.appendMany(requests.map((request) => ({ ...request, stream: inside(request.stream) }))).pipe(
        Effect.map((results) => results.map(shownResult)),
        Effect.mapError(renamed)
      ),
    readStream: (stream, options) =>
      Effect.map(store.readStream(inside(stream), options), (slice) => ({ ...slice, events: slice.events.map(shown) })),
    readAll,
    subscribe,
    checkpoints: {
      load: (consumer) => store.checkpoints.load(consumerInside(consumer)),
      save: (consumer, checkpoint, token) =>
        store.checkpoints.save(consumerInside(consumer), checkpoint, token).pipe(Effect.mapError(renamed))
    }
  })
}

/** `store`'s layer, seen through `namespace`. */
export const namespacedLayer = <E, R>(store: Layer.Layer<EventStore, E, R>, namespace: string) =>
  Layer.effect(EventStore, Effect.map(Effect.service(EventStore), (inner) => namespaced(inner, namespace))).pipe(Layer.provide(store))
