/** The catalog platforms (CCO.md §3.1). */
export const catalogPlatforms: ReadonlyArray<string> = [
  "asr9k_px", "asr9k_x64", "asr9k_x64_sysadmin", "crs_px", "xr12000", "xrv9k", "xrv9k_sysadmin", "ncs1k",
  "ncs1k_sysadmin", "ncs1001", "ncs1001_sysadmin", "ncs4k", "ncs4k_sysadmin", "ncs5k", "ncs5k_sysadmin", "ncs540",
  "ncs540_sysadmin", "ncs5500", "ncs5500_sysadmin", "ncs6k", "ncs6k_sysadmin"
]
const platformSet = new Set(catalogPlatforms)

const families = new Map<string, string>([
  ["asr9k", "asr9k_px"], ["asr9k-x64", "asr9k_x64"], ["crs", "crs_px"], ["xr12k", "xr12000"], ["ncs1k", "ncs1k"],
  ["ncs1001", "ncs1001"], ["ncs4k", "ncs4k"], ["ncs5k", "ncs5k"], ["ncs540", "ncs540"], ["ncs5500", "ncs5500"],
  ["ncs6k", "ncs6k"], ["iosxrv-9k", "xrv9k"]
])

/**
 * The catalog platform of a host's software family (CCO.md §3.2), case-insensitive; a catalog platform
 * name maps to itself, also upper-case with `-`. Others have no catalog: undefined.
 */
export const familyPlatform = (family: string): string | undefined => {
  const lower = family.trim().toLowerCase()
  const mapped = families.get(lower)
  if (mapped !== undefined) return mapped
  const asPlatform = lower.replaceAll("-", "_")
  return platformSet.has(asPlatform) ? asPlatform : undefined
}

/**
 * `normRelease` (CCO.md §3.2): the first `\d+\.\d+\.\d+`, else `r` + three digits at the start
 * (`r613` → `6.1.3`), else undefined.
 */
export const normRelease = (text: string): string | undefined => {
  const trimmed = text.trim()
  const dotted = /\d+\.\d+\.\d+/.exec(trimmed)
  if (dotted !== null) return dotted[0]
  const compact = /^[rR](\d)(\d)(\d)/.exec(trimmed)
  return compact === null ? undefined : `${compact[1]}.${compact[2]}.${compact[3]}`
}
