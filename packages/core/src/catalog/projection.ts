import type { Projection } from "../shared/projection.ts"
import type { CcoEvent, CcoReleaseSnapshotRecorded } from "./events.ts"
import { newestFirst } from "./release-order.ts"

/** The catalog: the index, platform → releases newest first, and each release's current snapshot. */
export interface CatalogReadModel {
  index: ReadonlyMap<string, ReadonlyArray<string>>
  readonly snapshots: Map<string, CcoReleaseSnapshotRecorded>
}

const releaseKey = (platform: string, release: string): string => `${platform}_${release}`

export const catalogProjection: Projection<CatalogReadModel, CcoEvent> = {
  init: () => ({ index: new Map(), snapshots: new Map() }),
  apply: (state, event) => {
    switch (event._tag) {
      case "CcoCatalogIndexRecorded": {
        const index = new Map<string, Array<string>>()
        for (const { platform, release } of event.entries) {
          const releases = index.get(platform) ?? []
          releases.push(release)
          index.set(platform, releases)
        }
        for (const releases of index.values()) releases.sort(newestFirst)
        state.index = index
        return
      }
      case "CcoReleaseSnapshotRecorded":
        state.snapshots.set(releaseKey(event.platform, event.release), event)
        return
      case "CcoReleaseWithdrawn":
        state.snapshots.delete(releaseKey(event.platform, event.release))
    }
  }
}

/** The answer of GET /api/v1/cco/catalog: platforms by code point, releases newest first. */
export const catalogIndex = (state: CatalogReadModel): Readonly<Record<string, ReadonlyArray<string>>> =>
  // fromEntries defines own keys, so even a platform named "__proto__" stays data.
  Object.fromEntries([...state.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** The current snapshot of a release, if one was recorded and not withdrawn. */
export const releaseSnapshot = (
  state: CatalogReadModel,
  platform: string,
  release: string
): CcoReleaseSnapshotRecorded | undefined => state.snapshots.get(releaseKey(platform, release))
