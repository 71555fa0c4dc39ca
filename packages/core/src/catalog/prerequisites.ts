import type { ReleaseCatalog } from "./release-catalog.ts"

/**
 * A prerequisite name in its release (CCO.md §5.2): `dangling` (no `smu`, `sp` or `smuIntransit` of
 * that name), `unavailable` (obsoleted or in transit, no posted replacement), or `chosen`: the entry
 * itself when available and not superseded, else its replacement.
 */
export type Prerequisite =
  | { readonly _tag: "dangling"; readonly name: string }
  | { readonly _tag: "unavailable"; readonly name: string; readonly entry: number }
  | { readonly _tag: "chosen"; readonly name: string; readonly entry: number; readonly chosen: number }

export const resolvePrerequisite = (catalog: ReleaseCatalog, name: string): Prerequisite => {
  const entry = catalog.byName.get(name)
  if (entry === undefined || catalog.entries[entry]!.kind === "tar") return { _tag: "dangling", name }
  const chosen = choosePrerequisite(catalog, entry)
  return chosen === undefined ? { _tag: "unavailable", name, entry } : { _tag: "chosen", name, entry, chosen }
}

/** choosePrerequisite(p): p if available and not superseded; else its replacement if superseded; else undefined. */
export const choosePrerequisite = (catalog: ReleaseCatalog, entry: number): number | undefined => {
  const { supersession } = catalog
  if (supersession.isSuperseded(entry)) return supersession.replacement(entry)
  return catalog.available[entry] === true ? entry : undefined
}

/** The warning sentence for a prerequisite that cannot be offered (§5.6 step 8). */
export const prerequisiteWarning = (catalog: ReleaseCatalog, of: string, prerequisite: Prerequisite): string =>
  prerequisite._tag === "dangling"
    ? `${of} requires ${prerequisite.name}, which is not in the CCO catalog for ${catalog.platform} ${catalog.release}.`
    : `${of} requires ${prerequisite.name}, which is not available on CCO (${
      catalog.entries[prerequisite._tag === "unavailable" ? prerequisite.entry : prerequisite.chosen]!.status.trim() ||
      "no status"
    }) and has no posted replacement.`
