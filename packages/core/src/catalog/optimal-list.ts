import type { CcoEntry } from "./cco-entry.ts"
import { prerequisiteWarning, resolvePrerequisite } from "./prerequisites.ts"
import type { ReleaseCatalog } from "./release-catalog.ts"

/** The answer of GET /cco/software before the date filter: SMUs by name, then SPs by name. */
export interface SoftwareList {
  readonly entries: ReadonlyArray<CcoEntry>
  readonly warnings: ReadonlyArray<string>
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The optimal list (CCO.md §5.3): the available entries no available entry supersedes, closed under
 * prerequisites (worklist and visited set; dangling or unavailable prerequisites become warnings).
 * With `optimal` false: every available entry. Tars and in-transit entries never appear.
 */
export const softwareList = (catalog: ReleaseCatalog, optimal = true): SoftwareList => {
  const { entries, available, supersession } = catalog
  const members = new Set<number>()
  entries.forEach((_, i) => {
    if (available[i] === true && (!optimal || !supersession.isSuperseded(i))) members.add(i)
  })
  const warnings = new Set<string>()
  if (optimal) {
    const work = [...members]
    for (let next = work.pop(); next !== undefined; next = work.pop()) {
      for (const name of entries[next]!.prerequisites) {
        const prerequisite = resolvePrerequisite(catalog, name)
        if (prerequisite._tag !== "chosen") {
          warnings.add(prerequisiteWarning(catalog, entries[next]!.name, prerequisite))
        } else if (!members.has(prerequisite.chosen)) {
          members.add(prerequisite.chosen)
          work.push(prerequisite.chosen)
        }
      }
    }
  }
  const sorted = [...members].map((i) => entries[i]!).sort((a, b) =>
    a.kind === b.kind ? byCodePoint(a.name, b.name) : a.kind === "smu" ? -1 : 1
  )
  return { entries: sorted, warnings: [...warnings].sort(byCodePoint) }
}
