import { Clock, Effect, Result } from "effect"
import type { CcoIndexEntry } from "../catalog/cco-entry.ts"
import { CatalogSource } from "../catalog/catalog-source.ts"
import { CCO_INDEX_STREAM, ccoReleaseStream } from "../catalog/events.ts"
import { ccoIndexDecider } from "../catalog/index-decider.ts"
import { parseCatalogIndex } from "../catalog/index-file.ts"
import { releaseSnapshot } from "../catalog/projection.ts"
import { softwareList } from "../catalog/optimal-list.ts"
import { releaseCatalogOf } from "../catalog/release-catalog.ts"
import { ccoReleaseDecider } from "../catalog/release-decider.ts"
import type { Decider } from "../shared/decider.ts"
import { toIsoTime } from "../shared/time.ts"
import { commit, retryOnConflict } from "./commit.ts"
import { ReadModels } from "./read-models.ts"
import { decideOn } from "./stream-change.ts"

/** What one refresh did, for the log. */
export interface CatalogRefreshReport {
  readonly indexRecorded: boolean
  readonly recorded: ReadonlyArray<string>
  readonly unchanged: number
  readonly failed: ReadonlyArray<string>
  readonly withdrawn: ReadonlyArray<string>
}

const label = ({ platform, release }: CcoIndexEntry): string => `${platform}_${release}`

/** Decides `command` on `stream` and appends what the decider says; true when something was recorded. */
const record = <C, E extends { readonly _tag: string }, S>(decider: Decider<C, E, S>, stream: string, command: C) =>
  retryOnConflict(Effect.gen(function*() {
    const decided = yield* decideOn(decider, stream, command)
    // The catalog deciders never refuse: they record a change or nothing.
    const change = Result.getOrThrow(decided)
    if (change.events.length > 0) yield* commit([change], { actor: "cco-refresh" })
    return change.events.length > 0
  }))

/**
 * One refresh of the catalog from its source (CCO.md §4): the index when its set changed, each
 * listed release whose bytes changed, then the withdrawals. Each event stands alone, so a refresh
 * cut short leaves a valid catalog. A release that cannot be read keeps its last snapshot; only an
 * unreadable index fails the refresh (and records nothing).
 */
export const refreshCatalog = Effect.gen(function*() {
  const source = yield* CatalogSource
  const { views } = yield* ReadModels
  const text = yield* source.readIndex
  const fetchedAt = toIsoTime(yield* Clock.currentTimeMillis)
  const { entries, warnings } = parseCatalogIndex(text)
  for (const warning of warnings) yield* Effect.logWarning(warning)
  const indexRecorded = yield* record(ccoIndexDecider, CCO_INDEX_STREAM, {
    _tag: "RecordCatalogIndex", source: source.describe, fetchedAt, entries
  })

  const outcomes = yield* Effect.forEach(entries, (entry) =>
    Effect.gen(function*() {
      const known = releaseSnapshot(views.catalog, entry.platform, entry.release)?.sha256
      const read = yield* Effect.result(source.readRelease(entry, known))
      if (Result.isFailure(read)) {
        yield* Effect.logWarning(`${read.failure.message}; ${label(entry)} keeps its last snapshot.`)
        return { _tag: "failed", message: read.failure.message } as const
      }
      if (read.success._tag === "Unchanged") return { _tag: "unchanged" } as const
      const { sha256, release } = read.success
      const { header } = release
      if ((header.platform !== "" && header.platform !== entry.platform) || (header.release !== "" && header.release !== entry.release)) {
        yield* Effect.logWarning(`${label(entry)}.xml says it is ${header.platform} ${header.release}; the index line wins.`)
      }
      const recorded = yield* record(ccoReleaseDecider, ccoReleaseStream(entry.platform, entry.release), {
        _tag: "RecordReleaseSnapshot", ...entry, ...release, sha256, source: source.describe, fetchedAt
      })
      if (recorded) {
        // Data-quality warnings are a property of the snapshot: logged once, when it is recorded.
        const snapshot = releaseSnapshot(views.catalog, entry.platform, entry.release)
        const catalog = snapshot === undefined ? undefined : releaseCatalogOf(snapshot)
        const quality = catalog === undefined ? [] : [...catalog.warnings, ...softwareList(catalog).warnings]
        for (const warning of [...release.warnings, ...quality]) yield* Effect.logWarning(`${label(entry)}: ${warning}`)
      }
      return { _tag: recorded ? "recorded" : "unchanged", label: label(entry) } as const
    }), { concurrency: 4 })

  const listed = new Set(entries.map(label))
  const withdrawn: Array<string> = []
  for (const snapshot of [...views.catalog.snapshots.values()]) {
    if (listed.has(label(snapshot))) continue
    const at = toIsoTime(yield* Clock.currentTimeMillis)
    const command = { _tag: "WithdrawRelease", platform: snapshot.platform, release: snapshot.release, at } as const
    if (yield* record(ccoReleaseDecider, ccoReleaseStream(snapshot.platform, snapshot.release), command)) {
      withdrawn.push(label(snapshot))
    }
  }
  return {
    indexRecorded,
    recorded: outcomes.flatMap((o) => (o._tag === "recorded" ? [o.label] : [])),
    unchanged: outcomes.filter((o) => o._tag === "unchanged").length,
    failed: outcomes.flatMap((o) => (o._tag === "failed" ? [o.message] : [])),
    withdrawn
  } satisfies CatalogRefreshReport
})
