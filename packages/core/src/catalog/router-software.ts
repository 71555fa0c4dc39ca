import type { CcoEntry, CcoHeader } from "./cco-entry.ts"
import { packagesOf } from "./release-catalog.ts"
import { isAvailable } from "./supersession.ts"

/**
 * What a simulated router at a catalog release has and what its repository holds, so that the
 * simulators agree with the catalog (CCO.md §7, DEVICE.md §4, §9.4): base packages covering every
 * `packageBundles` item of the release, and a file for every `packageNames` item of every available
 * SMU and SP, each with the device name it shows once added.
 */

/** A parsed release: a snapshot, or a file of the bundled sample. */
export interface ReleaseSoftwareSource {
  readonly release: string
  readonly header: Pick<CcoHeader, "smu_suffix">
  readonly entries: ReadonlyArray<CcoEntry>
}

export interface RepositoryFile {
  /** A `packageNames` item: `asr9k-px-5.3.3.CSCuz05961.pie`, `ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm`. */
  readonly file: string
  /** How the router lists it once added (CCO.md §3.1). */
  readonly internalNames: ReadonlyArray<string>
  /** Bytes: the entry's compressed size, shared evenly among its files. */
  readonly size: number
}

export interface RouterSoftware {
  /** Device names of the base packages, sorted: `disk0:asr9k-mini-px-5.3.3`, `ncs5500-dpa-3.0.0.0-r613`. */
  readonly basePackages: ReadonlyArray<string>
  readonly repositoryFiles: ReadonlyArray<RepositoryFile>
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The device name of an installable file (CCO.md §3.1): an eXR RPM without `.x86_64.rpm`, an ncs6k
 * 5.x SMU without `.smu`, a classic pie as `disk0:<name>-1.0.0`; anything else unchanged.
 */
export const deviceNameOf = (file: string): string => {
  if (/\.rpm$/i.test(file)) return file.replace(/(?:\.x86_64)?\.rpm$/i, "")
  if (/\.smu$/i.test(file)) return file.slice(0, -".smu".length)
  if (/\.pie$/i.test(file)) return `disk0:${file.slice(0, -".pie".length)}-1.0.0`
  return file
}

/** `<base>-<X.Y.Z>.<n>-r<ddd>.…` of an eXR SMU RPM: the base package and its release build. */
const rpmOfBase = /^(.+)-(\d+\.\d+\.\d+)\.\d+-(r\d+)\./

/**
 * The device names of a release's base packages, by its package suffix: classic `disk0:<item>-<release>`,
 * ncs6k 5.x `<item>-<release>`, eXR the RPM `<item>-<X.Y.Z>.0-r<ddd>`, the version taken from an SMU RPM
 * of that package in the release (`ncs5500-dpa-3.0.0.22-r613…` → `ncs5500-dpa-3.0.0.0-r613`), else 1.0.0.0.
 */
const basePackageNames = (source: ReleaseSoftwareSource, items: ReadonlyArray<string>): ReadonlyArray<string> => {
  const suffix = source.header.smu_suffix.trim().toLowerCase()
  if (suffix === "smu") return items.map((item) => `${item}-${source.release}`)
  if (suffix !== "rpm") return items.map((item) => `disk0:${item}-${source.release}`)
  const baseRpm = new Map<string, string>()
  for (const entry of source.entries) {
    for (const file of entry.package_names) {
      const match = rpmOfBase.exec(file)
      if (match !== null && !baseRpm.has(match[1]!)) baseRpm.set(match[1]!, `${match[1]}-${match[2]}.0-${match[3]}`)
    }
  }
  const build = `r${source.release.replaceAll(".", "")}`
  return items.map((item) => baseRpm.get(item) ?? `${item}-1.0.0.0-${build}`)
}

export const routerSoftwareOf = (source: ReleaseSoftwareSource): RouterSoftware => {
  const items = [...new Set(source.entries.flatMap((entry) => entry.package_bundles))]
  const repositoryFiles = source.entries.filter(isAvailable).flatMap((entry) => {
    const files = packagesOf(entry)
    const size = Math.round(entry.compressed_image_size / files.length)
    return files.map((file) => ({ file, internalNames: [deviceNameOf(file)], size }))
  })
  return { basePackages: [...new Set(basePackageNames(source, items))].sort(byCodePoint), repositoryFiles }
}
