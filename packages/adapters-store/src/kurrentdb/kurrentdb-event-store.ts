import { START } from "@kurrent/kurrentdb-client"
import { Effect, Layer, Redacted, Stream } from "effect"
import type { Checkpoint } from "@csm/core"
import { DefaultMaxBatchBytes, End, EventStore, followLog, pageSize, Unsupported, validatedAppends } from "@csm/core"
import { connectKurrent } from "./kurrent-client.ts"
import type { KurrentClient } from "./kurrent-client.ts"
import { makeWrite } from "./kurrent-appends.ts"
import { makeCheckpoints } from "./kurrent-checkpoints.ts"
import { checkpointOf } from "./log-position.ts"
import type { LogStart } from "./log-position.ts"
import { logHead, scanLog } from "./log-reader.ts"
import { nextRecordAfter } from "./next-record.ts"
import { readStreamSlice } from "./stream-reads.ts"

/**
 * The KurrentDB / EventStoreDB event store (STORE.md §3.3), over the official gRPC client.
 * Versions, checkpoints and errors are translated at the edge, so nothing of the server's own
 * numbering leaves the adapter. Event ids are not strict: the server only recognises recent
 * re-sends at their position.
 */

export interface KurrentEventStoreOptions {
  /** `kurrentdb://[user:password@]host:port[,host:port…][?tls=false…]`, or `kurrentdb+discover://…`. */
  readonly connectionString: string | Redacted.Redacted<string>
  /**
   * Enables `appendMany`, which needs KurrentDB 25.1 or later with multi-stream appends enabled
   * in its configuration. Off: `appendMany` fails with `Unsupported`.
   */
  readonly multiStreamAppend?: boolean
  /** The JSON budget of one batch (1 MiB by default). */
  readonly maxBatchBytes?: number
}

export const makeKurrentEventStore = (client: KurrentClient, options: Omit<KurrentEventStoreOptions, "connectionString">) =>
  Effect.gen(function*() {
    const multiStreamAppend = options.multiStreamAppend ?? false
    // Reaching the server now makes an unreachable one fail the start, not the first request.
    yield* logHead(client)
    const appends = validatedAppends(makeWrite(client), options.maxBatchBytes ?? DefaultMaxBatchBytes)
    const endCheckpoint = Effect.map(logHead(client), checkpointOf)

    const readAll = (after: Checkpoint, limit?: number) =>
      Effect.flatMap(after === End ? endCheckpoint : Effect.succeed(after), (start) =>
        Effect.map(scanLog(client, start, pageSize(limit)), ({ page }) => page))

    const subscribe = (from: Checkpoint) =>
      Stream.unwrap(Effect.sync(() => {
        // The last record the reads went past: the wake-up waits for one after it, so records
        // hidden from the store (system events, checkpoints) do not wake it again and again.
        let scanned: LogStart = START
        return followLog({
          from: from === End ? endCheckpoint : Effect.succeed(from),
          readAll: (after) =>
            Effect.map(scanLog(client, after, pageSize()), (read) => {
              scanned = read.scanned
              return read.page
            }),
          awaitChange: () => nextRecordAfter(client, scanned)
        })
      }))

    return EventStore.of({
      capabilities: { multiStreamAppend, strictEventIds: false },
      append: appends.append,
      appendMany: multiStreamAppend
        ? appends.appendMany
        : () => Effect.fail(new Unsupported({ operation: "multi-stream appends (KurrentDB 25.1+, enabled in its configuration)" })),
      readStream: readStreamSlice(client),
      readAll,
      subscribe,
      checkpoints: makeCheckpoints(client)
    })
  })

/** The store over the client `connect` creates when the layer is built, closed when it is released. */
export const kurrentStoreLayer = (connect: () => KurrentClient, options: Omit<KurrentEventStoreOptions, "connectionString">) =>
  Layer.effect(
    EventStore,
    Effect.flatMap(
      Effect.acquireRelease(Effect.sync(connect), (client) => Effect.ignore(Effect.tryPromise(() => client.dispose()))),
      (client) => makeKurrentEventStore(client, options)
    )
  )

export const KurrentEventStore = {
  /** Creates the client and reaches the server when built; closes the client when released. */
  layer: ({ connectionString, ...options }: KurrentEventStoreOptions) =>
    kurrentStoreLayer(
      () => connectKurrent(Redacted.isRedacted(connectionString) ? Redacted.value(connectionString) : connectionString),
      options
    )
}
