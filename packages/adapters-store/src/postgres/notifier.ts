import { Effect, Queue } from "effect"
import type { PgClient } from "@effect/sql-pg"

/**
 * Tells listening subscribers, in this process and in others, that appends have committed. A
 * NOTIFY inside the append would take PostgreSQL's cluster-wide notify lock through the append's
 * commit and serialise all writers, so the notification goes afterwards, in its own statement:
 * at most one per short window, committed without waiting for the disk: a waiting signal
 * absorbs the appends that come meanwhile.
 * A lost notification only delays subscribers until their next poll.
 */
const gatherWindow = "10 millis"

/** Notifies `channel` with the store's schema as the payload, which tells a reader where to look. */
export const makeNotifier = (client: PgClient.PgClient, channel: string, schema: string) =>
  Effect.gen(function*() {
    const appended = yield* Queue.sliding<void>(1)
    yield* Queue.take(appended).pipe(
      // A short window gathers a burst: one notification for many appends keeps its cost small.
      Effect.andThen(Effect.sleep(gatherWindow)),
      Effect.andThen(Effect.ignore(
        // The notification needs no durable commit: waiting for the WAL flush would only load the disk.
        client.unsafe("SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)", [channel, schema]).raw
      )),
      Effect.forever,
      Effect.forkScoped
    )
    return {
      /** After an append that wrote. */
      signal: Effect.asVoid(Queue.offer(appended, undefined))
    }
  })
