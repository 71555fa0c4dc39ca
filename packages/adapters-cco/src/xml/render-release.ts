import type { CcoEntry, CcoHeader } from "@csm/core"
import {
  CHILD_ELEMENT,
  CHILD_ORDER,
  CREATION_DATE,
  ENTRY_KINDS,
  HEADER_TEXT,
  MDFID,
  MDFID_CHILDREN
} from "./release-layout.ts"

/**
 * Writes an SMU meta file the way the project writes them (CCO.md §2.2): root `<smuMetaData>`,
 * the header first, then the smu, smuIntransit, sp and tar entries in that order, two-space
 * indentation, `\n` endings, no empty child elements. `platform` and `release` (the index key)
 * are written as the header's platform and release.
 */
export interface ReleaseDocument {
  readonly platform: string
  readonly release: string
  readonly creationDate: string
  readonly header: CcoHeader
  readonly entries: ReadonlyArray<CcoEntry>
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }

const escapeText = (value: string): string => value.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c)

const escapeAttribute = (value: string): string => value.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)

const indent = (depth: number): string => "  ".repeat(depth)

/** `<name>value</name>` at `depth`, or nothing when the value is empty. */
const leaf = (depth: number, name: string, value: string): ReadonlyArray<string> =>
  value === "" ? [] : [`${indent(depth)}<${name}>${escapeText(value)}</${name}>`]

const fieldText = (value: CcoEntry[keyof CcoEntry]): string =>
  typeof value === "number" ? (value === 0 ? "" : String(value)) : typeof value === "string" ? value : value.join(",")

const entryLines = (entry: CcoEntry): ReadonlyArray<string> => [
  `${indent(1)}<${entry.kind} id="${escapeAttribute(entry.id)}" status="${escapeAttribute(entry.status)}">`,
  ...CHILD_ORDER.flatMap((field) => leaf(2, CHILD_ELEMENT[field], fieldText(entry[field]))),
  `${indent(1)}</${entry.kind}>`
]

const mdfidLines = (header: CcoHeader): ReadonlyArray<string> => {
  const children = [...leaf(2, MDFID_CHILDREN.pid, header.pid), ...leaf(2, MDFID_CHILDREN.mdf_id, header.mdf_id)]
  return children.length === 0 ? [] : [`${indent(1)}<${MDFID}>`, ...children, `${indent(1)}</${MDFID}>`]
}

export const renderReleaseDocument = (document: ReleaseDocument): string => {
  const { header } = document
  const byKind = ENTRY_KINDS.flatMap((kind) => document.entries.filter((entry) => entry.kind === kind))
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    "<smuMetaData>",
    ...leaf(1, HEADER_TEXT.platform, document.platform),
    ...leaf(1, HEADER_TEXT.release, document.release),
    ...leaf(1, CREATION_DATE, document.creationDate),
    ...leaf(1, HEADER_TEXT.smu_suffix, header.smu_suffix),
    ...mdfidLines(header),
    ...leaf(1, HEADER_TEXT.smu_software_type_id, header.smu_software_type_id),
    ...leaf(1, HEADER_TEXT.sp_software_type_id, header.sp_software_type_id),
    ...leaf(1, HEADER_TEXT.tar_software_type_id, header.tar_software_type_id),
    ...byKind.flatMap(entryLines),
    "</smuMetaData>",
    ""
  ].join("\n")
}
