import type { Referrers } from "./commands.ts"

// A region may hold thousands of hosts; the message names a few and counts the rest.
const shown = 10

/** `Region "SJ Labs" cannot be deleted: it is used by hosts "R1", "R2".` */
export const inUseMessage = (label: string, name: string, usedBy: ReadonlyArray<Referrers>): string =>
  `${label[0]!.toUpperCase()}${label.slice(1)} "${name}" cannot be deleted: it is used by ${
    usedBy.filter((referrers) => referrers.names.length > 0).map(describe).join("; ")
  }.`

const describe = ({ kind, names }: Referrers): string => {
  // Job ids are numbers; names are quoted, as they may hold spaces and commas.
  const listed = names.slice(0, shown).map((name) => (kind === "install job" ? name : `"${name}"`)).join(", ")
  const more = names.length > shown ? ` and ${names.length - shown} more` : ""
  return `${kind}${names.length === 1 ? "" : "s"} ${listed}${more}`
}
