import type { CcoEntry } from "./cco-entry.ts"
import type { CcoReleaseSnapshotRecorded } from "./events.ts"
import { packageKey } from "./package-name.ts"
import { buildSupersession, isAvailable } from "./supersession.ts"
import type { Supersession } from "./supersession.ts"

/**
 * One release's entries with the indexes the algorithms of CCO.md §5 need: by name, by id (any
 * case), by package key (§5.6 step 1), and the supersession relation (§5.1). Built once per snapshot.
 */
export interface ReleaseCatalog {
  readonly platform: string
  readonly release: string
  readonly entries: ReadonlyArray<CcoEntry>
  /** Exact name, any kind; the first entry wins a repeated name. */
  readonly byName: ReadonlyMap<string, number>
  /** Lower-cased id, any kind. */
  readonly byId: ReadonlyMap<string, number>
  /** Package key of each name and `packageNames` item; the first entry by name wins a clash. */
  readonly byKey: ReadonlyMap<string, number>
  readonly available: ReadonlyArray<boolean>
  readonly supersession: Supersession
  /** Data-quality warnings found while indexing. */
  readonly warnings: ReadonlyArray<string>
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The installable files of an entry: its `packageNames`, or its name when there are none. */
export const packagesOf = (entry: CcoEntry): ReadonlyArray<string> =>
  entry.package_names.length > 0 ? entry.package_names : [entry.name]

export const buildReleaseCatalog = (
  platform: string,
  release: string,
  entries: ReadonlyArray<CcoEntry>
): ReleaseCatalog => {
  const warnings: Array<string> = []
  const byName = new Map<string, number>()
  const byId = new Map<string, number>()
  entries.forEach((entry, i) => {
    if (!byName.has(entry.name)) byName.set(entry.name, i)
    const id = entry.id.trim().toLowerCase()
    if (!byId.has(id)) byId.set(id, i)
  })
  const byKey = new Map<string, number>()
  const nameOrder = entries.map((_, i) => i).sort((a, b) => byCodePoint(entries[a]!.name, entries[b]!.name) || a - b)
  for (const i of nameOrder) {
    const entry = entries[i]!
    for (const name of [entry.name, ...entry.package_names]) {
      const key = packageKey(name)
      if (key === "") continue
      const holder = byKey.get(key)
      if (holder === undefined) byKey.set(key, i)
      else if (holder !== i) warnings.push(`${entry.name} and ${entries[holder]!.name} share the package key ${key}.`)
    }
  }
  const supersession = buildSupersession(entries)
  warnings.push(...supersession.warnings)
  return { platform, release, entries, byName, byId, byKey, available: entries.map(isAvailable), supersession, warnings }
}

const cache = new WeakMap<CcoReleaseSnapshotRecorded, ReleaseCatalog>()

/** The release catalog of a snapshot, built on first use and kept as long as the snapshot is. */
export const releaseCatalogOf = (snapshot: CcoReleaseSnapshotRecorded): ReleaseCatalog => {
  let catalog = cache.get(snapshot)
  if (catalog === undefined) {
    catalog = buildReleaseCatalog(snapshot.platform, snapshot.release, snapshot.entries)
    cache.set(snapshot, catalog)
  }
  return catalog
}
