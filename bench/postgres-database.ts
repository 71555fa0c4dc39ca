import { PgClient } from "@effect/sql-pg"
import { Effect, Redacted } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"

/**
 * A database of the benchmark's own on the PostgreSQL server of `url`, for a server process that
 * always uses the schema "public": created empty, and dropped by `drop` (forcing off whatever
 * still holds a session in it).
 */
export const scratchDatabase = async (url: string, name: string) => {
  const admin = (statement: string) =>
    Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const client = yield* PgClient.make({ url: Redacted.make(url), maxConnections: 1 })
      yield* client.unsafe(statement).raw
    })).pipe(Effect.provide(Reactivity.layer)))
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${name}`)
  const own = new URL(url)
  own.pathname = `/${name}`
  return { url: own.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}
