import { Effect, Result } from "effect"
import type { Scope } from "effect"
import type { SqlError } from "effect/sql/SqlError"
import type { AppendRequest } from "@csm/core"
import { validateAppend } from "@csm/core"
import { connectPostgres } from "../postgres-event-store.ts"
import { singleAppend } from "../single-append.ts"

/**
 * What the PostgreSQL tests share: the server from `CSM_TEST_POSTGRES`, a schema of its own per
 * store so that runs and cases never see each other's events, and raw sessions beside the store's.
 */

export const testUrl = process.env.CSM_TEST_POSTGRES

export const skipNote =
  "set CSM_TEST_POSTGRES=postgres://user:password@127.0.0.1:5432/database to run these tests (scripts/ci-postgres.sh sets one up)"

let schemas = 0
const run = `${process.pid}_${Date.now().toString(36)}`

/** A schema name no other run or case uses. */
export const freshSchema = (): string => `csm_test_${run}_${++schemas}`

/** A session of the test's own on `schema`, outside any pool, until the scope closes. */
export const rawSession = (url: string, schema: string) =>
  Effect.flatMap(connectPostgres({ url, schema, maxConnections: 1 }), (client) => client.reserve)

/** Drops the schemas this run created. */
export const dropSchemas = (url: string): Promise<void> =>
  Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const session = yield* rawSession(url, "public")
    for (let schema = 1; schema <= schemas; schema++) {
      yield* session.executeRaw(`DROP SCHEMA IF EXISTS csm_test_${run}_${schema} CASCADE`, [])
    }
  })))

/**
 * Begins a transaction on `session` and runs the store's own statement for one request in it,
 * leaving it open: the events are inserted, uncommitted.
 */
export const beginAppend = (
  session: {
    readonly executeRaw: (sql: string, params: ReadonlyArray<unknown>) => Effect.Effect<unknown, SqlError>
    readonly executeValues: (sql: string, params: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<unknown>, SqlError>
  },
  request: AppendRequest
): Effect.Effect<void, SqlError | Error, Scope.Scope> =>
  Effect.gen(function*() {
    const batch = validateAppend(request)
    if (Result.isFailure(batch)) return yield* Effect.fail(new Error(batch.failure.message))
    yield* session.executeRaw("BEGIN", [])
    const { params, statement } = singleAppend(request, batch.success, new Date().toISOString())
    const written = yield* session.executeValues(statement, params)
    if (written.length === 0) return yield* Effect.fail(new Error(`The append to ${request.stream} wrote nothing.`))
  })
