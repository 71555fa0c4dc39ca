import type { SimNode } from "../config.ts"
import type { ListName } from "../packages.ts"

/** Package lists as the device prints them (DEVICE.md §5). */
const title = (list: ListName): string => list[0]!.toUpperCase() + list.slice(1)

/** Classic `show install {active|inactive|committed} summary`. */
export const classicSummary = (list: ListName, names: ReadonlyArray<string>): ReadonlyArray<string> => [
  "Default Profile:",
  "  SDRs:",
  "    Owner",
  ...(names.length === 0
    ? [`  No ${title(list)} Packages`]
    : [`  ${title(list)} Packages:`, ...names.map((name) => `    ${name}`)])
]

const bootImage = /-(?:xr|sysadmin)-(\d+(?:\.\d+)+)$/
const withBootTag = (name: string): string => {
  const version = bootImage.exec(name)?.[1]
  return version === undefined ? name : `${name} version=${version} [Boot image]`
}

const cpuNodes = (nodes: ReadonlyArray<SimNode>): ReadonlyArray<SimNode> =>
  nodes.filter((node) => node.kind === "RP" || node.kind === "LC")

/** eXR XR VM `show install inactive|active|committed`. */
export const exrXrPackages = (
  list: ListName,
  names: ReadonlyArray<string>,
  nodes: ReadonlyArray<SimNode>
): ReadonlyArray<string> => {
  if (list === "inactive") {
    return names.length === 0
      ? ["No inactive package(s) in software repository"]
      : [`${names.length} inactive package(s) found:`, ...names.map((name) => `    ${name}`)]
  }
  return cpuNodes(nodes).flatMap((node, index) => [
    ...(index > 0 ? [""] : []),
    `Node ${node.name} [${node.kind}]`,
    "  Boot Partition: xr_lv0",
    `  ${title(list)} Packages: ${names.length}`,
    ...names.map((name) => `        ${withBootTag(name)}`)
  ])
}

/** eXR admin VM `show install inactive|active|committed`: per node without `/CPU0`. */
export const exrAdminPackages = (
  list: ListName,
  names: ReadonlyArray<string>,
  nodes: ReadonlyArray<SimNode>
): ReadonlyArray<string> =>
  cpuNodes(nodes).flatMap((node, index) => [
    ...(index > 0 ? [""] : []),
    ` Node ${node.name.replace(/\/CPU\d+$/, "")} [${node.kind}]`,
    names.length === 0 ? `    ${title(list)} Packages:` : `    ${title(list)} Packages: ${names.length}`,
    ...names.map((name) => `       ${withBootTag(name)}`)
  ])
