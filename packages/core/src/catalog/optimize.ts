import { detectPlatform, detectRelease, packageKey } from "./package-name.ts"
import { prerequisiteWarning, resolvePrerequisite } from "./prerequisites.ts"
import { packagesOf } from "./release-catalog.ts"
import type { ReleaseCatalog } from "./release-catalog.ts"

/** The label of a row of GET /cco/get_optimized_software, in answer order. */
export type OptimizedLabel = "Pre-requisite" | "SMU/SP" | "Superseded" | "Package" | "Unrecognized"
const labelOrder: ReadonlyArray<OptimizedLabel> = ["Pre-requisite", "SMU/SP", "Superseded", "Package", "Unrecognized"]

export interface OptimizedRow {
  readonly software_package: string
  readonly is: OptimizedLabel
  readonly description: string
}

export interface Optimized {
  readonly software_list: ReadonlyArray<OptimizedRow>
  /** Sorted sentences; empty when there are none (the route then omits the key). */
  readonly warnings: ReadonlyArray<string>
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * get_optimized_software (CCO.md §5.6). `catalogFor` gives the catalog of a detected platform/release,
 * or undefined when the catalog has no snapshot of it. Deterministic: the answer does not depend on
 * the order or repetition of the inputs. Superseded rows are included; the REST route drops them.
 */
export const optimizeSoftware = (
  inputs: ReadonlyArray<string>,
  catalogFor: (platform: string, release: string) => ReleaseCatalog | undefined
): Optimized => {
  // 1. Normalise: one shown input per key, the smallest trimmed one.
  const shown = new Map<string, string>()
  for (const input of inputs) {
    const trimmed = input.trim()
    const key = packageKey(trimmed)
    if (key === "") continue
    const current = shown.get(key)
    if (current === undefined || trimmed < current) shown.set(key, trimmed)
  }
  const rows: Array<OptimizedRow> = []
  const warnings = new Set<string>()
  // 2. Group by detected platform/release.
  const groups = new Map<ReleaseCatalog, Set<number>>()
  for (const [key, input] of shown) {
    const platform = detectPlatform(key)
    const release = detectRelease(key)
    if (platform === undefined || release === undefined) {
      rows.push({ software_package: input, is: "Unrecognized", description: "" })
      continue
    }
    const catalog = catalogFor(platform, release)
    const entry = catalog?.byKey.get(key)
    const kind = entry === undefined ? undefined : catalog!.entries[entry]!.kind
    if (catalog === undefined || entry === undefined || (kind !== "smu" && kind !== "sp")) {
      rows.push({ software_package: input, is: "Package", description: "" })
      continue
    }
    // 3. Resolve.
    const resolved = groups.get(catalog) ?? new Set<number>()
    resolved.add(entry)
    groups.set(catalog, resolved)
  }
  for (const [catalog, resolved] of groups) judge(catalog, resolved, rows, warnings)

  rows.sort((a, b) =>
    labelOrder.indexOf(a.is) - labelOrder.indexOf(b.is) || byCodePoint(a.software_package, b.software_package)
  )
  const seen = new Set<string>()
  const software_list = rows.filter((row) => !seen.has(row.software_package) && seen.add(row.software_package))
  return { software_list, warnings: [...warnings].sort(byCodePoint) }
}

/** Steps 4–8 for the resolved inputs R of one release. */
const judge = (
  catalog: ReleaseCatalog,
  resolved: ReadonlySet<number>,
  rows: Array<OptimizedRow>,
  warnings: Set<string>
): void => {
  const { entries, supersession } = catalog
  const inputs = [...resolved].sort((a, b) => a - b)
  // 4. Superseded inputs.
  const kept = inputs.filter((x) => !inputs.some((y) => supersession.supersedes(y, x)))
  const keptSet = new Set(kept)
  // 5. Missing prerequisites: a worklist over K ∪ A, each prerequisite judged once.
  const added = new Set<number>()
  const judged = new Set<string>()
  const satisfiedByInput = (p: number) => resolved.has(p) || kept.some((y) => supersession.supersedes(y, p))
  const work = [...kept]
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    for (const name of entries[next]!.prerequisites) {
      const prerequisite = resolvePrerequisite(catalog, name)
      if (prerequisite._tag !== "chosen") {
        warnings.add(prerequisiteWarning(catalog, entries[next]!.name, prerequisite))
        continue
      }
      if (judged.has(name)) continue
      judged.add(name)
      if (satisfiedByInput(prerequisite.entry) || resolved.has(prerequisite.chosen)) continue
      if (!added.has(prerequisite.chosen)) {
        added.add(prerequisite.chosen)
        work.push(prerequisite.chosen)
      }
    }
  }
  // 6. Relabel the kept inputs an added prerequisite supersedes.
  const addedList = [...added]
  const label = (x: number): OptimizedLabel =>
    added.has(x)
      ? "Pre-requisite"
      : keptSet.has(x) && !addedList.some((a) => supersession.supersedes(a, x))
      ? "SMU/SP"
      : "Superseded"
  // 7. Rows; 8. warnings on SMU/SP inputs.
  for (const x of [...inputs, ...addedList]) {
    const entry = entries[x]!
    const is = label(x)
    for (const software_package of packagesOf(entry)) rows.push({ software_package, is, description: entry.description })
    if (is !== "SMU/SP") continue
    if (catalog.available[x] !== true) {
      warnings.add(`${entry.name} is not available on CCO (${entry.status.trim() || "no status"}).`)
    } else if (supersession.isSuperseded(x)) {
      const by = supersession.replacement(x)
      warnings.add(`${entry.name} is superseded by ${by === undefined ? "a later entry" : entries[by]!.name}.`)
    }
  }
}
