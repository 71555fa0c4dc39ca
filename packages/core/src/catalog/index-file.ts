import type { CcoIndexEntry } from "./cco-entry.ts"
import { compareReleases } from "./release-order.ts"

/**
 * catalog.dat (CCO.md §2.1): one `<platform>_<release>` per line, split at the last underscore so
 * platform names may hold `_`. Lines that are not a valid pair are skipped with a warning naming
 * them; repeats count once.
 */
const PLATFORM = /^[a-z0-9_]+$/
const RELEASE = /^\d+\.\d+\.\d+$/

export const isCatalogPlatform = (platform: string): boolean => PLATFORM.test(platform)
export const isCatalogRelease = (release: string): boolean => RELEASE.test(release)

/** Platforms by code point, each platform's releases oldest first. */
export const compareIndexEntries = (a: CcoIndexEntry, b: CcoIndexEntry): number =>
  a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : compareReleases(a.release, b.release)

/** Each (platform, release) once, in catalog order. */
export const uniqueSorted = (entries: ReadonlyArray<CcoIndexEntry>): ReadonlyArray<CcoIndexEntry> =>
  [...new Map(entries.map((entry) => [`${entry.platform}_${entry.release}`, entry])).values()].sort(compareIndexEntries)

export const parseCatalogIndex = (
  text: string
): { readonly entries: ReadonlyArray<CcoIndexEntry>; readonly warnings: ReadonlyArray<string> } => {
  const entries: Array<CcoIndexEntry> = []
  const warnings: Array<string> = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === "") return
    const cut = line.lastIndexOf("_")
    const platform = line.slice(0, Math.max(cut, 0))
    const release = line.slice(cut + 1)
    if (cut < 0 || !isCatalogPlatform(platform) || !isCatalogRelease(release)) {
      warnings.push(`catalog.dat line ${i + 1} is not <platform>_<release> and was skipped: ${JSON.stringify(line)}`)
      return
    }
    entries.push({ platform, release })
  })
  return { entries: uniqueSorted(entries), warnings }
}

/** The file as the project writes it: sorted, one line each, `\n` endings and a final newline. */
export const renderCatalogIndex = (entries: ReadonlyArray<CcoIndexEntry>): string =>
  uniqueSorted(entries).map(({ platform, release }) => `${platform}_${release}\n`)
    .join("")
