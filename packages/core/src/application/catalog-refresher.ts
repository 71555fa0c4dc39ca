import { Clock, Context, Effect, Layer, Ref, Result, Schedule, Semaphore } from "effect"
import { CatalogSource } from "../catalog/catalog-source.ts"
import { EventStore } from "../store/event-store.ts"
import { toIsoTime } from "../shared/time.ts"
import { refreshCatalog } from "./catalog-refresh.ts"
import { ReadModels } from "./read-models.ts"

/** Kept in memory and logged, never recorded (CCO.md §4). */
export interface CatalogStatus {
  readonly source: string
  /** The first refresh since start-up has finished or failed: /healthz may say ok. */
  readonly settled: boolean
  readonly lastAttempt?: string
  readonly lastSuccess?: string
  readonly lastError?: string
}

/**
 * Refreshes the catalog from its source, never two at once, and remembers how the last attempt
 * went. While the source stays unreachable the log says so once, and the routes keep answering
 * from the last snapshots.
 */
export class CatalogRefresher extends Context.Service<CatalogRefresher, {
  readonly refresh: Effect.Effect<void>
  readonly status: Effect.Effect<CatalogStatus>
}>()("csm/core/application/CatalogRefresher") {
  /** `settleWithinSeconds`: /healthz stops waiting for a first refresh that takes longer (the source's timeout). */
  static readonly layer = (options: { readonly settleWithinSeconds?: number } = {}) => Layer.effect(
    CatalogRefresher,
    Effect.gen(function*() {
      const source = yield* CatalogSource
      const context = yield* Effect.context<CatalogSource | EventStore | ReadModels>()
      const lock = yield* Semaphore.make(1)
      const status = yield* Ref.make<CatalogStatus>({ source: source.describe, settled: false })
      const refresh = Effect.gen(function*() {
        const now = toIsoTime(yield* Clock.currentTimeMillis)
        const previous = yield* Ref.get(status)
        const outcome = yield* Effect.result(refreshCatalog)
        if (Result.isSuccess(outcome)) {
          const report = outcome.success
          if (previous.lastError !== undefined) yield* Effect.logInfo(`The CCO catalog source ${source.describe} answers again.`)
          yield* Effect.logInfo(
            `CCO catalog refreshed from ${source.describe}: ${report.recorded.length} release(s) recorded, ` +
              `${report.unchanged} unchanged, ${report.failed.length} kept from the last snapshot, ${report.withdrawn.length} withdrawn.`
          )
          yield* Ref.set(status, { source: source.describe, settled: true, lastAttempt: now, lastSuccess: now })
          return
        }
        const message = outcome.failure.message
        // Once per outage: a source down for a week must not fill the log.
        if (previous.lastError === undefined) {
          yield* Effect.logWarning(`The CCO catalog source is unavailable (${message}); the catalog answers from the last snapshots.`)
        }
        yield* Ref.set(status, {
          source: source.describe, settled: true, lastAttempt: now, lastError: message,
          ...(previous.lastSuccess !== undefined && { lastSuccess: previous.lastSuccess })
        })
      }).pipe(
        Effect.provideContext(context),
        // A defect in one refresh must not end the loop; the next one tries again.
        Effect.catchCause((cause) => Effect.logError("The CCO catalog refresh failed unexpectedly", cause)),
        Semaphore.withPermit(lock)
      )
      if (options.settleWithinSeconds !== undefined) {
        yield* Effect.forkScoped(Effect.andThen(
          Effect.sleep(`${options.settleWithinSeconds} seconds`),
          Ref.update(status, (current) => ({ ...current, settled: true }))
        ))
      }
      return CatalogRefresher.of({ refresh, status: Ref.get(status) })
    })
  )
}

/**
 * Refreshes at once, then `intervalSeconds` after each refresh ended; 0 refreshes at start-up only.
 * Runs until interrupted.
 */
export const runCatalogRefresh = (intervalSeconds: number) =>
  Effect.flatMap(Effect.service(CatalogRefresher), ({ refresh }) =>
    intervalSeconds > 0 ? Effect.repeat(refresh, Schedule.spaced(`${intervalSeconds} seconds`)) : refresh)
