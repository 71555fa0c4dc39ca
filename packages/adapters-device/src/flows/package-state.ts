/**
 * Reading the device's package lists and inventory (DEVICE.md §5). Names come back exactly as
 * the device prints them (`disk0:` included on classic XR).
 */

const classicHeader = /^\s*(Active|Inactive|Committed) Packages:\s*$/
const indentOf = (line: string): number => line.length - line.trimStart().length

/** Classic `[admin] show install {active|inactive|committed} summary`: the 4-space-indented lines after the header. */
export const parseClassicSummary = (output: string): ReadonlyArray<string> => {
  const lines = output.split("\n")
  const start = lines.findIndex((line) => classicHeader.test(line))
  if (start < 0) return []
  const headerIndent = indentOf(lines[start]!)
  const names: Array<string> = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || indentOf(line) < 4 || indentOf(line) <= headerIndent) break
    names.push(line.trim())
  }
  return names
}

const exrPackageLine = /^(?:asr9k|ncs|xrv9k)/
const exrNodeHeader = /^Node (\S+) \[(RP|LC)\]/

export interface ExrPackages {
  /** Every package name once, in order of first appearance. */
  readonly names: ReadonlyArray<string>
  /** The node headers seen; admin-VM nodes (`0/RSP0`) get `/CPU0` appended. */
  readonly nodes: ReadonlyArray<string>
}

/** eXR `show install inactive|active|committed`, on the XR VM or the admin VM. */
export const parseExrPackages = (output: string): ExrPackages => {
  const names = new Set<string>()
  const nodes: Array<string> = []
  for (const line of output.split("\n")) {
    const text = line.trim()
    const node = exrNodeHeader.exec(text)
    if (node !== null) nodes.push(node[1]!.includes("CPU") ? node[1]! : `${node[1]}/CPU0`)
    else if (exrPackageLine.test(text)) names.add(text.split(/\s+/)[0]!)
  }
  return { names: [...names], nodes }
}

/** `disk0:asr9k-mini-px-5.3.3` → `asr9k-mini-px-5.3.3`: the name without its location. */
export const withoutLocation = (name: string): string => name.replace(/^[A-Za-z0-9]+:/, "")

export interface InventoryItem {
  readonly name: string
  readonly description: string
  readonly pid: string
  readonly vid: string
  readonly serial: string
}

const nameLine = /NAME:\s*"?(.*?)"?,?\s+DESCR:\s*"?(.*?)"?\s*$/i
const pidLine = /PID:\s*(\S*?),?\s+VID:\s*(\S*?),?\s+SN:\s*(\S*)/i

/** `NAME: "…", DESCR: "…"` followed by `PID: …, VID: …, SN: …` (classic), or the eXR `Name: … Descr: …` form. */
export const parseInventory = (output: string): ReadonlyArray<InventoryItem> => {
  const lines = output.split("\n")
  const items: Array<InventoryItem> = []
  lines.forEach((line, index) => {
    const named = nameLine.exec(line)
    const ids = named === null ? null : pidLine.exec(lines[index + 1] ?? "")
    if (named === null || ids === null) return
    items.push({ name: named[1]!.trim(), description: named[2]!.trim(), pid: ids[1]!, vid: ids[2]!, serial: ids[3]! })
  })
  return items
}
