import { BACKWARDS, END } from "@kurrent/kurrentdb-client"
import type { ResolvedEvent } from "@kurrent/kurrentdb-client"
import { Effect } from "effect"
import type { ReadStreamOptions, StoreUnavailable, StreamSlice } from "@csm/core"
import { recordedOf } from "./event-record.ts"
import type { KurrentClient } from "./kurrent-client.ts"
import { classify, readFailure } from "./kurrent-failure.ts"
import { collect } from "./log-reader.ts"
import { revisionOf, versionOf } from "./stream-revision.ts"

/** A stream's events, read as `readStream` iterates them; a missing stream has none. */
const readEvents = (
  client: KurrentClient,
  stream: string,
  options: Parameters<KurrentClient["readStream"]>[1]
): Effect.Effect<Array<ResolvedEvent>, StoreUnavailable> =>
  collect(() => client.readStream(stream, options)).pipe(
    Effect.catch((error) => classify(error)._tag === "StreamNotFound" ? Effect.succeed([]) : readFailure(error))
  )

/** A stream's last event, if it has one. */
export const lastEventOf = (client: KurrentClient, stream: string) =>
  Effect.map(readEvents(client, stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }), (events) => events[0]?.event)

/** A stream's version: its event count, 0 when missing. */
export const streamVersion = (client: KurrentClient, stream: string): Effect.Effect<number, StoreUnavailable> =>
  Effect.map(lastEventOf(client, stream), (last) => last === undefined ? 0 : versionOf(last.revision))

/** `readStream` of the port: the version first, then the asked range of it, read forward. */
export const readStreamSlice = (client: KurrentClient) =>
  Effect.fnUntraced(function*(stream: string, { from = 1, maxCount, to }: ReadStreamOptions = {}) {
    const version = yield* streamVersion(client, stream)
    if (version === 0) return { exists: false, version: 0, events: [] } satisfies StreamSlice
    const first = Math.max(from, 1)
    const last = Math.min(to ?? version, version, maxCount === undefined ? version : first + maxCount - 1)
    const events = last < first
      ? []
      : yield* readEvents(client, stream, { fromRevision: revisionOf(first), maxCount: last - first + 1 })
    return {
      exists: true,
      version,
      events: events.flatMap((resolved) => resolved.event ? [recordedOf(resolved.event)] : [])
    } satisfies StreamSlice
  })
