import type { CcoEntry, CcoEntryKind, CcoHeader, ParsedRelease } from "@csm/core"
import { Result } from "effect"
import { childText, readEntry } from "./read-entry.ts"
import { CREATION_DATE, HEADER_TEXT, isEntryKind, MDFID, MDFID_CHILDREN } from "./release-layout.ts"
import { parseXml } from "./xml-tree.ts"
import type { XmlElement } from "./xml-tree.ts"

/**
 * Reads an SMU meta file (CCO.md §2.2). Header and entry elements are found anywhere, whatever the
 * root is called and however entries are grouped; nothing inside an entry is an entry or a header.
 * Fails, with a message naming `file`, when the document is no catalog; entries without id or name,
 * or repeating an earlier name or id, are skipped with a warning.
 */

const HEADER_ELEMENTS = new Set<string>([...Object.values(HEADER_TEXT), CREATION_DATE, MDFID])

interface Found {
  /** The first element of each header name, outside entries. */
  readonly header: Map<string, XmlElement>
  readonly entries: Array<{ readonly kind: CcoEntryKind; readonly element: XmlElement }>
}

const scan = (root: XmlElement): Found => {
  const found: Found = { header: new Map(), entries: [] }
  const visit = (element: XmlElement): void => {
    if (isEntryKind(element.name)) {
      found.entries.push({ kind: element.name, element })
      return
    }
    if (HEADER_ELEMENTS.has(element.name) && !found.header.has(element.name)) found.header.set(element.name, element)
    element.children.forEach(visit)
  }
  visit(root)
  return found
}

const readHeader = (header: Found["header"]): CcoHeader => {
  const text = (name: string) => header.get(name)?.text ?? ""
  const mdfid = header.get(MDFID)
  const mdfidText = (name: string) => mdfid === undefined ? "" : childText(mdfid, name)
  return {
    platform: text(HEADER_TEXT.platform),
    release: text(HEADER_TEXT.release),
    smu_suffix: text(HEADER_TEXT.smu_suffix),
    pid: mdfidText(MDFID_CHILDREN.pid),
    mdf_id: mdfidText(MDFID_CHILDREN.mdf_id),
    smu_software_type_id: text(HEADER_TEXT.smu_software_type_id),
    sp_software_type_id: text(HEADER_TEXT.sp_software_type_id),
    tar_software_type_id: text(HEADER_TEXT.tar_software_type_id)
  }
}

const label = (entry: CcoEntry, position: number): string =>
  `<${entry.kind}> entry #${position}` +
  (entry.name !== "" ? ` "${entry.name}"` : "") +
  (entry.id !== "" ? ` (id ${entry.id})` : "")

export const parseReleaseDocument = (text: string, file: string): Result.Result<ParsedRelease, string> => {
  const document = parseXml(text)
  if (Result.isFailure(document)) return Result.fail(`${file} is not well-formed XML: ${document.failure}`)
  const root = document.success
  if (root.name.toLowerCase() === "html") return Result.fail(`${file} is an HTML page, not an SMU meta file`)

  const found = scan(root)
  const header = readHeader(found.header)
  const creationDate = found.header.get(CREATION_DATE)?.text ?? ""
  const entries: Array<CcoEntry> = []
  const warnings: Array<string> = []
  const names = new Set<string>()
  // The projection looks ids up case-insensitively, so ids differing in case only are repeats.
  const ids = new Set<string>()
  found.entries.forEach(({ element, kind }, i) => {
    const entry = readEntry(element, kind, header.smu_suffix)
    const why = entry.id === "" && entry.name === "" ? "has no id and no name"
      : entry.id === "" ? "has no id"
      : entry.name === "" ? "has no name"
      : names.has(entry.name) ? "repeats the name of an earlier entry"
      : ids.has(entry.id.toLowerCase()) ? "repeats the id of an earlier entry"
      : undefined
    if (why !== undefined) {
      warnings.push(`${file}: ${label(entry, i + 1)} ${why} and was skipped`)
      return
    }
    names.add(entry.name)
    ids.add(entry.id.toLowerCase())
    entries.push(entry)
  })

  if (creationDate === "" && entries.length === 0) return Result.fail(`${file} has neither a creationDate nor an entry`)
  return Result.succeed({ creationDate, header, entries, warnings })
}
