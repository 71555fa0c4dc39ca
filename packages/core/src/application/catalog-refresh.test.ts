import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import type { CcoEntry } from "../catalog/cco-entry.ts"
import { CatalogSource, CatalogSourceError } from "../catalog/catalog-source.ts"
import type { ParsedRelease } from "../catalog/catalog-source.ts"
import { catalogIndex, releaseSnapshot } from "../catalog/projection.ts"
import { EventStore, Start } from "../store/event-store.ts"
import { MemoryEventStore } from "../store/memory-event-store.ts"
import { asr9kPx533, ncs5500613 } from "../testing/cco-sample-release.ts"
import { CatalogRefresher, runCatalogRefresh } from "./catalog-refresher.ts"
import { ReadModels } from "./read-models.ts"

// Invariant 19 and the refresh rules of CCO.md §4, over an in-memory source whose files the test
// edits: the source adapters themselves are tested against real directories and HTTP servers.

interface Files {
  index: string | "down"
  releases: Map<string, { entries: ReadonlyArray<CcoEntry>; creationDate: string } | "down">
}

const release = (entries: ReadonlyArray<CcoEntry>, creationDate: string): ParsedRelease => ({
  creationDate,
  header: {
    platform: "", release: "", smu_suffix: "pie", pid: "", mdf_id: "",
    smu_software_type_id: "", sp_software_type_id: "", tar_software_type_id: ""
  },
  entries,
  warnings: []
})

/** A digest stand-in: equal content, equal digest. */
const digest = (value: unknown) => JSON.stringify(value)

const sourceOf = (files: Files) =>
  Layer.succeed(CatalogSource, CatalogSource.of({
    describe: "test source",
    readIndex: Effect.suspend(() =>
      files.index === "down"
        ? Effect.fail(new CatalogSourceError({ reason: "unavailable", message: "catalog.dat: connection refused" }))
        : Effect.succeed(files.index)
    ),
    readRelease: ({ platform, release: version }, known) =>
      Effect.suspend(() => {
        const file = files.releases.get(`${platform}_${version}`)
        if (file === undefined) return Effect.fail(new CatalogSourceError({ reason: "notFound", message: `${platform}_${version}.xml: not found` }))
        if (file === "down") return Effect.fail(new CatalogSourceError({ reason: "unavailable", message: `${platform}_${version}.xml: timeout` }))
        const sha256 = digest(file)
        return Effect.succeed(sha256 === known
          ? { _tag: "Unchanged" as const }
          : { _tag: "Read" as const, sha256, release: release(file.entries, file.creationDate) })
      })
  }))

const sample = (): Files => ({
  index: "asr9k_px_5.3.3\nncs5500_6.1.3\n",
  releases: new Map([
    ["asr9k_px_5.3.3", { entries: asr9kPx533, creationDate: "08/09/2016 02:10:05 PDT" }],
    ["ncs5500_6.1.3", { entries: ncs5500613, creationDate: "09/01/2017 02:10:05 PDT" }]
  ])
})

const eventTypes = Effect.gen(function*() {
  const page = yield* (yield* EventStore).readAll(Start, 10_000)
  return page.events.map((event) => event.type)
})

const answers = Effect.gen(function*() {
  const { views } = yield* ReadModels
  return {
    index: catalogIndex(views.catalog),
    snapshots: [...views.catalog.snapshots.entries()].map(([key, s]) => [key, s.sha256, s.entries.length])
  }
})

const withSource = (files: Files) => <A, E>(program: Effect.Effect<A, E, CatalogRefresher | ReadModels | EventStore>) =>
  program.pipe(Effect.provide(CatalogRefresher.layer().pipe(
    Layer.provideMerge(ReadModels.layer),
    Layer.provideMerge(sourceOf(files))
  )))

describe("catalog refresh (CCO.md §4, invariant 19)", () => {
  it.effect("records the index and each release once; an unchanged source records nothing", () => {
    const files = sample()
    return Effect.gen(function*() {
      const { refresh, status } = yield* CatalogRefresher
      assert.isFalse((yield* status).settled)
      yield* refresh
      assert.deepStrictEqual(yield* eventTypes, ["CcoCatalogIndexRecorded", "CcoReleaseSnapshotRecorded", "CcoReleaseSnapshotRecorded"])
      const first = yield* answers
      assert.deepStrictEqual(first.index, { asr9k_px: ["5.3.3"], ncs5500: ["6.1.3"] })
      yield* refresh
      assert.strictEqual((yield* eventTypes).length, 3)
      assert.deepStrictEqual(yield* answers, first)
      const after = yield* status
      assert.isTrue(after.settled)
      assert.isDefined(after.lastSuccess)
      assert.isUndefined(after.lastError)
    }).pipe(withSource(files), Effect.provide(MemoryEventStore.layer))
  })

  it.effect("replay rebuilds an identical projection", () =>
    Effect.gen(function*() {
      const store = yield* EventStore
      const recorded = yield* withSource(sample())(Effect.flatMap(CatalogRefresher, ({ refresh }) => Effect.andThen(refresh, answers)))
      const replayed = yield* answers.pipe(Effect.provide(ReadModels.layer), Effect.provide(Layer.succeed(EventStore, store)))
      assert.deepStrictEqual(replayed, recorded)
    }).pipe(Effect.provide(MemoryEventStore.layer)))

  it.effect("while the source is down every answer stays, and nothing is recorded", () => {
    const files = sample()
    return Effect.gen(function*() {
      const { refresh, status } = yield* CatalogRefresher
      yield* refresh
      const before = yield* answers
      files.index = "down"
      yield* refresh
      yield* refresh
      assert.deepStrictEqual(yield* answers, before)
      assert.strictEqual((yield* eventTypes).length, 3)
      const down = yield* status
      assert.strictEqual(down.lastError, "catalog.dat: connection refused")
      assert.isDefined(down.lastSuccess)
    }).pipe(withSource(files), Effect.provide(MemoryEventStore.layer))
  })

  it.effect("a release that cannot be read keeps its last snapshot; a changed file is recorded; a delisted one withdrawn", () => {
    const files = sample()
    return Effect.gen(function*() {
      const { refresh } = yield* CatalogRefresher
      const { views } = yield* ReadModels
      yield* refresh
      const kept = releaseSnapshot(views.catalog, "ncs5500", "6.1.3")
      files.releases.set("ncs5500_6.1.3", "down")
      files.releases.set("asr9k_px_5.3.3", { entries: asr9kPx533.slice(1), creationDate: "08/10/2016 02:10:05 PDT" })
      yield* refresh
      assert.strictEqual(releaseSnapshot(views.catalog, "ncs5500", "6.1.3"), kept)
      assert.strictEqual(releaseSnapshot(views.catalog, "asr9k_px", "5.3.3")?.entries.length, asr9kPx533.length - 1)
      files.index = "asr9k_px_5.3.3\n"
      yield* refresh
      assert.isUndefined(releaseSnapshot(views.catalog, "ncs5500", "6.1.3"))
      assert.deepStrictEqual(catalogIndex(views.catalog), { asr9k_px: ["5.3.3"] })
      assert.deepStrictEqual((yield* eventTypes).slice(3), [
        "CcoReleaseSnapshotRecorded", "CcoCatalogIndexRecorded", "CcoReleaseWithdrawn"
      ])
    }).pipe(withSource(files), Effect.provide(MemoryEventStore.layer))
  })

  it.effect("a changed file that claims no newer creationDate is still recorded, with a warning", () => {
    const files = sample()
    return Effect.gen(function*() {
      const { refresh } = yield* CatalogRefresher
      const { views } = yield* ReadModels
      yield* refresh
      files.releases.set("asr9k_px_5.3.3", { entries: asr9kPx533.slice(2), creationDate: "08/09/2016 02:10:05 PDT" })
      yield* refresh
      const snapshot = releaseSnapshot(views.catalog, "asr9k_px", "5.3.3")
      assert.strictEqual(snapshot?.entries.length, asr9kPx533.length - 2)
      assert.include(snapshot?.warnings.join(" "), "is not newer than")
    }).pipe(withSource(files), Effect.provide(MemoryEventStore.layer))
  })

  it.effect("a first refresh that hangs lets /healthz settle after the source's timeout", () =>
    Effect.gen(function*() {
      const { refresh, status } = yield* CatalogRefresher
      const running = yield* Effect.forkChild(refresh)
      yield* TestClock.adjust("29 seconds")
      assert.isFalse((yield* status).settled)
      yield* TestClock.adjust("1 second")
      assert.isTrue((yield* status).settled)
      yield* Fiber.interrupt(running)
    }).pipe(
      Effect.provide(CatalogRefresher.layer({ settleWithinSeconds: 30 }).pipe(
        Layer.provideMerge(ReadModels.layer),
        Layer.provideMerge(Layer.succeed(CatalogSource, CatalogSource.of({
          describe: "a source that never answers",
          readIndex: Effect.never,
          readRelease: () => Effect.never
        })))
      )),
      Effect.provide(MemoryEventStore.layer)
    ))

  for (const [interval, expected] of [[0, [1, 1, 1]], [3600, [1, 1, 2]]] as const) {
    it.effect(`the loop refreshes at once, then ${interval === 0 ? "never again" : "an interval after each refresh ended"}`, () => {
      let reads = 0
      return Effect.gen(function*() {
        const loop = yield* Effect.forkChild(runCatalogRefresh(interval))
        yield* Effect.yieldNow
        const counts = [reads]
        yield* TestClock.adjust("3599 seconds")
        counts.push(reads)
        yield* TestClock.adjust("1 second")
        counts.push(reads)
        assert.deepStrictEqual(counts, [...expected])
        yield* Fiber.interrupt(loop)
      }).pipe(
        Effect.provide(CatalogRefresher.layer().pipe(
          Layer.provideMerge(ReadModels.layer),
          Layer.provideMerge(Layer.succeed(CatalogSource, CatalogSource.of({
            describe: "a counting source",
            readIndex: Effect.sync(() => {
              reads++
              return ""
            }),
            readRelease: () => Effect.never
          })))
        )),
        Effect.provide(MemoryEventStore.layer)
      )
    })
  }
})
