import type { SimChassis, SimNode } from "../config.ts"

/** `show platform` and `show inventory` (DEVICE.md §5, §9.2). */
export interface NodeRow {
  readonly node: SimNode
  readonly role: "Active" | "Standby" | undefined
  readonly state: string
}

const row = (widths: ReadonlyArray<number>, cells: ReadonlyArray<string>): string =>
  cells.map((cell, index) => (index < widths.length ? cell.padEnd(widths[index]!) : cell)).join("").trimEnd()

const typeCell = (r: NodeRow): string => (r.role === undefined ? r.node.pid : `${r.node.pid}(${r.role})`)

/** Classic ASR9K columns 0/16/42/59; CPU nodes only. */
export const classicPlatform = (rows: ReadonlyArray<NodeRow>): ReadonlyArray<string> => {
  const widths = [16, 26, 17]
  return [
    row(widths, ["Node", "Type", "State", "Config State"]),
    "-".repeat(80),
    ...rows
      .filter((r) => r.node.kind === "RP" || r.node.kind === "LC")
      .map((r) => row(widths, [r.node.name, typeCell(r), r.state, "PWR,NSHUT,MON"]))
  ]
}

/** eXR columns 0/18/45/63, fans and power modules included. */
export const exrPlatform = (rows: ReadonlyArray<NodeRow>): ReadonlyArray<string> => {
  const widths = [18, 27, 18]
  return [
    row(widths, ["Node", "Type", "State", "Config state"]),
    "-".repeat(80),
    ...rows.map((r) => row(widths, [r.node.name, typeCell(r), r.state, "NSHUT"]))
  ]
}

interface Item {
  readonly name: string
  readonly descr: string
  readonly pid: string
  readonly vid: string
  readonly sn: string
}

const items = (chassis: SimChassis, nodes: ReadonlyArray<SimNode>, chassisName: string): ReadonlyArray<Item> => [
  { name: chassisName, descr: chassis.descr, pid: chassis.pid, vid: chassis.vid, sn: chassis.sn },
  ...nodes.map((node) => ({ name: `module ${node.name}`, descr: node.descr, pid: node.pid, vid: node.vid, sn: node.sn }))
]

const separated = (blocks: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> =>
  blocks.flatMap((block, index) => [...(index > 0 ? [""] : []), ...block])

/** Classic and eXR XR VM: `NAME: "…", DESCR: "…"` + `PID: …, VID: …, SN: …`. */
export const xrInventory = (
  chassis: SimChassis,
  nodes: ReadonlyArray<SimNode>,
  chassisName: string,
  chassisOnly: boolean
): ReadonlyArray<string> =>
  separated(
    items(chassis, chassisOnly ? [] : nodes, chassisName).map((item) => [
      `NAME: "${item.name}", DESCR: "${item.descr}"`,
      `PID: ${item.pid}, VID: ${item.vid}, SN: ${item.sn}`
    ])
  )

/** eXR admin VM: ` Name: Rack 0   Descr: …` + ` PID: …   VID: …   SN: …`. */
export const adminVmInventory = (
  chassis: SimChassis,
  nodes: ReadonlyArray<SimNode>,
  chassisOnly: boolean
): ReadonlyArray<string> =>
  separated(
    items(chassis, chassisOnly ? [] : nodes, "Rack 0").map((item) => [
      ` Name: ${item.name.replace(/^module /, "").padEnd(22)}Descr: ${item.descr}`,
      ` PID: ${item.pid.padEnd(23)}VID: ${item.vid.padEnd(22)}SN: ${item.sn}`
    ])
  )
