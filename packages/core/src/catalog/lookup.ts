import type { CcoEntry } from "./cco-entry.ts"
import { packageKey } from "./package-name.ts"
import type { ReleaseCatalog } from "./release-catalog.ts"

/** A looked-up entry with the ids of the entries it names (CCO.md §5.5). */
export interface LookedUp {
  readonly entry: CcoEntry
  readonly prerequisites_smu_ids: string
  readonly supersedes_smu_ids: string
  readonly superseded_by_smu_ids: string
}

/** The entry of a name or PIMS id in a release: exact name, else id (any case), else package key. */
export const findCcoEntry = (catalog: ReleaseCatalog, nameOrId: string): number | undefined => {
  const text = nameOrId.trim()
  if (text === "") return undefined
  return catalog.byName.get(text) ?? catalog.byId.get(text.toLowerCase()) ?? catalog.byKey.get(packageKey(text))
}

/** For each name, in order, the id of that entry in the release or `Unknown`, comma-joined. */
export const smuIds = (catalog: ReleaseCatalog, names: ReadonlyArray<string>): string =>
  names.map((name) => {
    const i = catalog.byName.get(name)
    return i === undefined ? "Unknown" : catalog.entries[i]!.id
  }).join(",")

/** GET /cco/software/<name_or_id>: undefined answers 404. */
export const lookupCcoEntry = (catalog: ReleaseCatalog, nameOrId: string): LookedUp | undefined => {
  const i = findCcoEntry(catalog, nameOrId)
  if (i === undefined) return undefined
  const entry = catalog.entries[i]!
  return {
    entry,
    prerequisites_smu_ids: smuIds(catalog, entry.prerequisites),
    supersedes_smu_ids: smuIds(catalog, entry.supersedes),
    superseded_by_smu_ids: smuIds(catalog, entry.superseded_by)
  }
}
