import { performance } from "node:perf_hooks"
import { Effect, Exit, Scope } from "effect"
import type { PgClient } from "@effect/sql-pg"
import type { EventStore } from "@csm/core"
import { ExpectedVersion, Start } from "@csm/core"
import { connectPostgres, makePostgresEventStore } from "../postgres/postgres-event-store.ts"
import { newEvents } from "./bench-events.ts"
import { rawPostgres } from "./raw-postgres.ts"
import type { Run, Workload } from "./run-bench.ts"

/**
 * The workloads of STORE.md §5 on PostgreSQL, each on the raw client and on the adapter. Each
 * run gets a schema of its own (created and migrated untimed); the schemas are dropped at the end.
 */

type Store = EventStore["Service"]

interface Opened {
  readonly client: PgClient.PgClient
  readonly store: Store
}

export const postgresWorkloads = (url: string) => {
  const run = `${process.pid}_${Date.now().toString(36)}`
  let schemas = 0
  // The previous run's pool, closed when the next run is prepared, so that pools never pile up.
  let previous: Scope.Closeable | undefined

  const open = async (scope: Scope.Scope): Promise<Opened> => {
    const schema = `csm_bench_${run}_${++schemas}`
    return Effect.runPromise(Effect.gen(function*() {
      const client = yield* connectPostgres({ url, schema })
      const store = yield* makePostgresEventStore(client, { schema })
      return { client, store }
    }).pipe(Scope.provide(scope)))
  }

  const fresh = async (): Promise<Opened> => {
    if (previous) await Effect.runPromise(Scope.close(previous, Exit.void))
    previous = Effect.runSync(Scope.make())
    return open(previous)
  }

  // The read workloads share one schema: a 10k-event stream among 10k events of 100 other streams.
  const readScope = Effect.runSync(Scope.make())
  let reads: Promise<Opened> | undefined
  const readStore = () =>
    reads ??= open(readScope).then(async (opened) => {
      const raw = rawPostgres(opened.client)
      const events = newEvents(20_000)
      await Effect.runPromise(Effect.forEach(Array.from({ length: 100 }, (_, batch) => batch), (batch) =>
        Effect.andThen(
          raw.append("big", batch * 100, events.slice(batch * 100, (batch + 1) * 100)),
          raw.append(`small-${batch}`, 0, events.slice(10_000 + batch * 100, 10_000 + (batch + 1) * 100))
        )))
      return opened
    })

  const timed = (effect: Effect.Effect<unknown, unknown>): Run => () => Effect.runPromise(Effect.asVoid(effect))

  /** Appends one event to each of `count` new streams, `writers` at a time, recording each append's time. */
  const singles = (count: number, writers: number, name: string): Workload => {
    const appendAll = (append: (stream: string, index: number) => Effect.Effect<unknown, unknown>): Run => (record) =>
      Effect.runPromise(Effect.forEach(Array.from({ length: count }, (_, index) => index), (index) =>
        Effect.suspend(() => {
          const start = performance.now()
          return Effect.tap(append(`bench-${index}`, index), () => Effect.sync(() => record(performance.now() - start)))
        }), { concurrency: writers, discard: true }))
    return {
      name,
      events: count,
      raw: async () => {
        const raw = rawPostgres((await fresh()).client)
        const events = newEvents(count)
        return appendAll((stream, index) => raw.append(stream, 0, [events[index]]))
      },
      adapter: async () => {
        const { store } = await fresh()
        const events = newEvents(count)
        return appendAll((stream, index) => store.append(stream, [events[index]], ExpectedVersion.NoStream))
      }
    }
  }

  const batches = 100
  const batchSize = 100
  const batched: Workload = {
    name: "100-event batches into one stream",
    events: batches * batchSize,
    raw: async () => {
      const raw = rawPostgres((await fresh()).client)
      const events = newEvents(batches * batchSize)
      return timed(Effect.forEach(Array.from({ length: batches }, (_, batch) => batch), (batch) =>
        raw.append("bench", batch * batchSize, events.slice(batch * batchSize, (batch + 1) * batchSize))))
    },
    adapter: async () => {
      const { store } = await fresh()
      const events = newEvents(batches * batchSize)
      return timed(Effect.forEach(Array.from({ length: batches }, (_, batch) => batch), (batch) =>
        store.append("bench", events.slice(batch * batchSize, (batch + 1) * batchSize), ExpectedVersion.Exact(batch * batchSize))))
    }
  }

  const streamReads = 5
  const streamRead: Workload = {
    name: "read one 10k-event stream",
    events: streamReads * 10_000,
    raw: async () => {
      const raw = rawPostgres((await readStore()).client)
      return timed(Effect.repeat(raw.readStream("big"), { times: streamReads - 1 }))
    },
    adapter: async () => {
      const { store } = await readStore()
      return timed(Effect.repeat(store.readStream("big"), { times: streamReads - 1 }))
    }
  }

  const logReads = 3
  const logRead: Workload = {
    name: "read the global log in pages of 1,000",
    events: logReads * 20_000,
    raw: async () => {
      const raw = rawPostgres((await readStore()).client)
      return timed(Effect.repeat(raw.readLog(1_000), { times: logReads - 1 }))
    },
    adapter: async () => {
      const { store } = await readStore()
      return timed(Effect.repeat(
        Effect.gen(function*() {
          for (let after = Start, atEnd = false; !atEnd;) {
            const page = yield* store.readAll(after, 1_000)
            after = page.next
            atEnd = page.atEnd
          }
        }),
        { times: logReads - 1 }
      ))
    }
  }

  /** Closes every pool and drops the schemas this run created. */
  const cleanUp = () =>
    Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      if (previous) yield* Scope.close(previous, Exit.void)
      yield* Scope.close(readScope, Exit.void)
      const client = yield* connectPostgres({ url, maxConnections: 1 })
      for (let schema = 1; schema <= schemas; schema++) {
        yield* client.unsafe(`DROP SCHEMA IF EXISTS csm_bench_${run}_${schema} CASCADE`).raw
      }
    })))

  return {
    workloads: [
      singles(1_000, 1, "1-event appends, a new stream each"),
      singles(2_000, 8, "1-event appends, 8 concurrent writers"),
      batched,
      streamRead,
      logRead
    ],
    cleanUp
  }
}
