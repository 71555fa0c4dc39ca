import { Effect, Layer, Stream } from "effect"
import { ReadModels } from "../application/read-models.ts"
import type { Views } from "../application/read-models.ts"
import { PasswordHasher, SecretBox } from "../application/secrets.ts"
import { EventStore, Start } from "../store/event-store.ts"
import { MemoryEventStore } from "../store/memory-event-store.ts"

/**
 * Stands in for the secret ports where a test or an example has no secrets to keep: any use is a
 * defect, so a test that sends a password by mistake fails loudly instead of storing it.
 */
export const NoSecrets = Layer.mergeAll(
  Layer.succeed(SecretBox, SecretBox.of({
    seal: () => Effect.die(new Error("This embedding keeps no secrets: send no passwords.")),
    open: () => Effect.die(new Error("This embedding keeps no secrets."))
  })),
  Layer.succeed(PasswordHasher, PasswordHasher.of({
    hash: () => Effect.die(new Error("This embedding keeps no user passwords.")),
    verify: () => Effect.succeed(false)
  }))
)

/** The core on a fresh in-memory store, with its read models. */
export const EmbeddedDomain = ReadModels.layer.pipe(Layer.provideMerge(MemoryEventStore.layer))

/**
 * Waits until the read models satisfy `condition`, checking after each event the store delivers:
 * tests wait on events, never on wall-clock time.
 */
export const awaitViews = (condition: (views: Views) => boolean) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const { views, catchUp } = yield* ReadModels
    yield* store.subscribe(Start).pipe(
      Stream.mapEffect(() => Effect.map(catchUp, () => condition(views))),
      Stream.takeUntil((satisfied) => satisfied),
      Stream.runDrain
    )
  })
