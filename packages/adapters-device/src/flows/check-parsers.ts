import type { DeviceOs } from "./package-names.ts"

/** The pure halves of the checks of DEVICE.md §6.2: each reads one command's output. */

/** `show running-config` → `show-running-config.txt`. */
export const captureFileName = (command: string): string => `${command.replace(/\W+/g, "-")}.txt`

const nonEmptyLines = (output: string): ReadonlyArray<string> =>
  output.split("\n").map((line) => line.trimEnd()).filter((line) => line.trim() !== "")

/** `cfs check` passes with at least 3 lines containing `OK`. */
export const cfsConsistent = (output: string): boolean => output.split("\n").filter((line) => line.includes("OK")).length >= 3

const classicStates = [
  "IOS XR RUN", "PRESENT", "READY", "FAILED", "OK", "DISABLED", "UNPOWERED", "ADMIN DOWN", "PWD", "NOT ALLOW ONLIN"
]
const exrStates = [...classicStates, "POWERED_OFF", "SW_INACTIVE", "OPERATIONAL"]

export interface NodeState {
  readonly node: string
  readonly state: string
}

export type PlatformReading =
  | { readonly _tag: "Unexpected" }
  | { readonly _tag: "Nodes"; readonly nodes: ReadonlyArray<NodeState>; readonly invalid: ReadonlyArray<NodeState> }

/** `show platform`: columns placed by the header line; only rows starting with a digit; CPU nodes must be in a valid state. */
export const readPlatform = (output: string, os: DeviceOs): PlatformReading => {
  const lines = output.split("\n")
  const header = lines.find((line) => {
    const lower = line.toLowerCase()
    return lower.includes("node") && lower.includes("type") && lower.includes("config state")
  })
  if (header === undefined) return { _tag: "Unexpected" }
  const lower = header.toLowerCase()
  const typeAt = lower.indexOf("type")
  const stateAt = lower.indexOf("state")
  const configAt = lower.indexOf("config state")
  if (stateAt === configAt + "config ".length) return { _tag: "Unexpected" }
  const valid = os === "XR" ? classicStates : exrStates
  const nodes = lines
    .filter((line) => /^\d/.test(line))
    .map((line) => ({ node: line.slice(0, typeAt).trim(), state: line.slice(stateAt, configAt).trim() }))
  const invalid = nodes.filter(({ node, state }) => /CPU\d+$/.test(node) && !valid.includes(state))
  return { _tag: "Nodes", nodes, invalid }
}

/** After a reload: `IOS XR RUN` shows, and every CPU node is valid. */
export const nodesUp = (output: string, os: DeviceOs): boolean => {
  const reading = readPlatform(output, os)
  return output.includes("IOS XR RUN") && reading._tag === "Nodes" && reading.invalid.length === 0
}

export type RedundancyVerdict = "ready" | "insufficient" | "not ready"

/** A `STANDBY role` line among the first 5 non-empty lines must be followed by an `is ready` line. */
export const readRedundancy = (output: string): RedundancyVerdict => {
  const lines = nonEmptyLines(output)
  if (lines.length < 4) return "insufficient"
  const standby = lines.slice(0, 5).findIndex((line) => line.includes("is in STANDBY role"))
  if (standby < 0) return "ready"
  return lines[standby + 1]?.includes("is ready") === true ? "ready" : "not ready"
}

export type IsisCounts = Readonly<Record<string, Readonly<Record<string, ReadonlyArray<number>>>>>
const isisStates = ["Up", "Init", "Failed"] as const
const isisLevels = ["L1", "L2", "L1L2"] as const

/** `show isis neighbor summary`: per instance, the Up/Init/Failed counts for L1, L2 and L1L2. */
export const readIsis = (output: string): IsisCounts => {
  const counts: Record<string, Record<string, ReadonlyArray<number>>> = {}
  let instance: Record<string, ReadonlyArray<number>> | undefined
  for (const line of output.split("\n")) {
    const header = /IS-IS (.*) neighbor summary:/.exec(line)
    if (header !== null) {
      instance = {}
      counts[header[1]!] = instance
      continue
    }
    const row = /^\s*(Up|Init|Failed)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(line)
    if (row !== null && instance !== undefined) instance[row[1]!] = [Number(row[2]), Number(row[3]), Number(row[4])]
  }
  return counts
}

/** Post-Upgrade against Pre-Upgrade: one warning per changed count and per missing instance. */
export const compareIsis = (before: IsisCounts, after: IsisCounts): ReadonlyArray<string> =>
  Object.entries(before).flatMap(([instance, rows]) => {
    const now = after[instance]
    if (now === undefined) return [`IS-IS instance ${instance} is missing after the upgrade`]
    return isisStates.flatMap((state) =>
      isisLevels.flatMap((level, index) => {
        const was = rows[state]?.[index] ?? 0
        const is = now[state]?.[index] ?? 0
        return was === is ? [] : [`IS-IS ${instance} ${state} ${level} neighbors changed from ${was} to ${is}`]
      })
    )
  })

const errorLine = /^.*(?:[Ee][Rr][Rr][Oo][Rr]|Core for pid|Traceback).*$/gm

/** `show logging last 500`: the lines that are warnings. */
export const coreErrorLines = (output: string): ReadonlyArray<string> => [...output.matchAll(errorLine)].map((match) => match[0].trim())

/** `show configuration failed startup`: the lines to warn about, or none when fewer than 5 non-empty lines. */
export const failedStartupLines = (output: string): ReadonlyArray<string> => {
  const lines = nonEmptyLines(output)
  return lines.length < 5 ? [] : lines.map((line) => line.trim())
}

/** `show filesystem`: the Free column of the `disk0:` row after the header ending in `Prefixes`. */
export const disk0Free = (output: string): number | undefined => {
  const lines = output.split("\n").map((line) => line.trim())
  const header = lines.findIndex((line) => line.endsWith("Prefixes"))
  if (header < 0) return undefined
  const row = lines.slice(header + 1).map((line) => line.split(/\s+/)).find((tokens) => tokens.at(-1) === "disk0:")
  const free = row?.[1]
  return free !== undefined && /^\d+$/.test(free) ? Number(free) : undefined
}

export type PieSize = { readonly _tag: "Size"; readonly bytes: number } | { readonly _tag: "Error"; readonly text: string } | {
  readonly _tag: "Unknown"
}

/** `admin show install pie-info …`: `Uncompressed size : N`, or the device's `Error:` output. */
export const pieSize = (output: string): PieSize => {
  if (/^\s*Error:/m.test(output)) return { _tag: "Error", text: output.trim() }
  const size = /Uncompressed size\s*:\s*(\d+)/.exec(output)
  return size === null ? { _tag: "Unknown" } : { _tag: "Size", bytes: Number(size[1]) }
}
