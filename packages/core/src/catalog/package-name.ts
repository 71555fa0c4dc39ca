/**
 * Package names (CCO.md §3.3, §5.6 step 1): the package key of an input or catalog name, and the
 * platform and release it names. Linear in the length of the name; no catalog needed.
 */

const extension = /\.(?:pie|smu|rpm|x86_64|tar|iso)$/i
const versionAfterFix = /((?:csc[a-z]{2}\d{5})|(?:sp\d+))-\d+\.\d+\.\d+$/i

/**
 * The package key: trimmed, without a location prefix (`disk0:`) or directory, trailing extensions
 * stripped repeatedly, a `-X.Y.Z` right after a DDTS or `spN` stripped, lower-cased. "" for a blank input.
 */
export const packageKey = (input: string): string => {
  let text = input.trim()
  text = text.slice(text.lastIndexOf(":") + 1)
  text = text.slice(text.lastIndexOf("/") + 1).trim()
  for (let stripped = text.replace(extension, "").trim(); stripped !== text; stripped = text.replace(extension, "").trim()) {
    text = stripped
  }
  return text.replace(versionAfterFix, "$1").toLowerCase()
}

const named: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["ncs1k", ["ncs1k"]], ["ncs1001", ["ncs1001"]], ["ncs4k", ["ncs4k"]], ["ncs5k", ["ncs5k", "ncs5000"]],
  ["ncs540", ["ncs540"]], ["ncs5500", ["ncs5500"]], ["ncs6k", ["ncs6k", "ncs6000"]], ["xrv9k", ["xrv9k", "xrv9000"]]
]
const isNumeric = (token: string | undefined): boolean => token !== undefined && /^\d+$/.test(token)
const isSysadmin = (token: string | undefined): boolean => token === "sysadmin" || token === "xr"

/** The catalog platform a package name belongs to (§3.3), or undefined. Case-insensitive. */
export const detectPlatform = (name: string): string | undefined => {
  const tokens = name.toLowerCase().split(/[-._]/)
  const asr9k = tokens.indexOf("asr9k")
  if (asr9k >= 0) {
    if (tokens.some((token, i) => token === "asr9k" && isSysadmin(tokens[i + 1]))) return "asr9k_x64_sysadmin"
    if (tokens.some((token, i) => token === "x64" || (token === "64" && i > 0 && !isNumeric(tokens[i - 1])))) {
      return "asr9k_x64"
    }
    if (tokens.some((token) => token === "px" || token === "p" || token === "iosxr")) return "asr9k_px"
  }
  if (tokens.some((token) => token === "hfr" || token === "crs")) return "crs_px"
  if (tokens.includes("c12k")) return "xr12000"
  for (let i = 0; i < tokens.length; i++) {
    const platform = named.find(([, aliases]) => aliases.includes(tokens[i]!))
    if (platform !== undefined) return isSysadmin(tokens[i + 1]) ? `${platform[0]}_sysadmin` : platform[0]
  }
  return undefined
}

/** The release a package name belongs to (§3.3): `-rABC`, else `A.B.C`, else `-ABC-`; or undefined. */
export const detectRelease = (name: string): string | undefined => {
  const compact = /-r(\d)(\d)(\d)/i.exec(name)
  if (compact !== null) return `${compact[1]}.${compact[2]}.${compact[3]}`
  const dotted = /\d+\.\d+\.\d+/.exec(name)
  if (dotted !== null) return dotted[0]
  const dashed = /-(\d)(\d)(\d)-/.exec(name)
  return dashed === null ? undefined : `${dashed[1]}.${dashed[2]}.${dashed[3]}`
}
