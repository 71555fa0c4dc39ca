/**
 * The pure rules of discovery (DEVICE.md §2.5): what `show version`, the chassis inventory and
 * `show users` say about a device.
 */

export type OsType = "XR" | "eXR"

/** `XR` when the text names XR; `eXR` with a `Build Information` block or from the admin VM; undefined for other systems. */
export const osTypeOf = (versionText: string): OsType | undefined => {
  const system = /(XR|XE|NX-OS)/.exec(versionText)?.[1]
  if (system !== "XR") return undefined
  return /Build Information|XR Admin Software/.test(versionText) ? "eXR" : "XR"
}

/** `Version 5.3.3[Default]` → `5.3.3`; `Version 6.1.2` → `6.1.2`. */
export const softwareVersionOf = (versionText: string): string =>
  /Version (.*?)(?:\[| |$)/m.exec(versionText)?.[1] ?? ""

/** Longest prefix first: a model name's start → the family name CSM uses. */
const familyPrefixes: ReadonlyArray<readonly [string, string]> = [
  ["ASR9K", "ASR9K"],
  ["ASR-9", "ASR9K"],
  ["CRS", "CRS"],
  ["12", "XR12K"],
  ["NCS-55", "NCS5500"],
  ["NCS-540", "NCS540"],
  ["NCS-5", "NCS5K"],
  ["NCS-6", "NCS6K"],
  ["NCS-4", "NCS4K"],
  ["NCS-1", "NCS1K"],
  ["XRV", "IOSXRv"]
]

export const familyOfModel = (model: string): string => {
  const match = familyPrefixes
    .filter(([prefix]) => model.toUpperCase().startsWith(prefix))
    .sort(([a], [b]) => b.length - a.length)[0]
  return match === undefined ? model : match[1]
}

/** classic `cisco ASR9K Series (...) processor`, eXR `cisco ASR9K () processor` → `ASR9K`. */
export const familyOf = (versionText: string, os: OsType): string => {
  const model = (os === "eXR" ? /^cisco (.*?) \(/m : /^(?:  )?cisco (?:IOS )?(.*?) /m).exec(versionText)?.[1]
  return model === undefined ? "" : familyOfModel(model)
}

export interface ChassisUdi {
  readonly name: string
  readonly description: string
  readonly pid: string
  readonly vid: string
  readonly sn: string
}

const udiKeys = /\b(NAME|DESCR|PID|VID|SN)\s*:\s*(.*?)\s*(?=,?\s*\b(?:NAME|DESCR|PID|VID|SN)\s*:|$)/gi

const unquote = (value: string): string => value.replace(/,$/, "").replace(/^"(.*)"$/, "$1").trim()

/**
 * The chassis of an inventory: the first line with `name` and `chassis` or `rack`, with the line after
 * it, read as `NAME DESCR PID VID SN` (either case, either layout).
 */
export const chassisUdiOf = (inventory: string): ChassisUdi | undefined => {
  const lines = inventory.split("\n")
  const at = lines.findIndex((line) => /name/i.test(line) && /chassis|rack/i.test(line))
  if (at === -1) return undefined
  const fields = new Map<string, string>()
  for (const found of `${lines[at]} ${lines[at + 1] ?? ""}`.matchAll(udiKeys)) {
    fields.set((found[1] ?? "").toUpperCase(), unquote(found[2] ?? ""))
  }
  return {
    name: fields.get("NAME") ?? "",
    description: fields.get("DESCR") ?? "",
    pid: fields.get("PID") ?? "",
    vid: fields.get("VID") ?? "",
    sn: fields.get("SN") ?? ""
  }
}

/** `ASR-9006-AC-V2` → `ASR-9006`; an empty or unreadable PID gives the family. */
export const hardwareOf = (pid: string, family: string): string =>
  /([A-Z]{1,3}[- ]?[0-9]{2,4}|XRV)/.exec(pid)?.[1] ?? family

/** `ASR9K-X64` for ASR9K on eXR, otherwise the family. */
export const softwarePlatformOf = (family: string, os: OsType): string =>
  family === "ASR9K" && os === "eXR" ? "ASR9K-X64" : family

/** `show users`: the line marked `*` is this session; `con`/`aux` mean a console port. */
export const isConsoleSession = (showUsers: string): boolean => {
  const own = showUsers.split("\n").find((line) => line.trimStart().startsWith("*"))
  return own !== undefined && !/vty/.test(own) && /con|aux/.test(own)
}
