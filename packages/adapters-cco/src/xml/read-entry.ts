import type { CcoEntry, CcoEntryKind } from "@csm/core"
import { LIST_CHILDREN, SIZE_CHILDREN, TEXT_CHILDREN } from "./release-layout.ts"
import type { XmlElement } from "./xml-tree.ts"

/** One entry element of the SMU meta file as the model's `CcoEntry`, defaults applied (CCO.md §2.2). */

/** The text of the first direct child of that name; missing = empty. */
export const childText = (element: XmlElement, name: string): string =>
  element.children.find((child) => child.name === name)?.text ?? ""

/** The text of each direct child by name, the first of each name winning; one pass for many lookups. */
const childTexts = (element: XmlElement): ReadonlyMap<string, string> => {
  const texts = new Map<string, string>()
  for (const child of element.children) if (!texts.has(child.name)) texts.set(child.name, child.text)
  return texts
}

/** Split on `,`, items trimmed, empty items and repeats dropped; a whole value of `None` is empty. */
export const commaList = (value: string): ReadonlyArray<string> =>
  value.trim() === "None" ? [] : [...new Set(value.split(",").map((item) => item.trim()).filter((item) => item !== ""))]

/** A decimal integer of bytes; anything else is 0. */
export const byteSize = (value: string): number => {
  const size = /^\d+$/.test(value) ? Number(value) : 0
  return Number.isSafeInteger(size) ? size : 0
}

const mapElements = <K extends string, B>(
  elements: Readonly<Record<K, string>>,
  read: (element: string) => B
): Record<K, B> =>
  // Object.fromEntries forgets the keys; they are exactly those of `elements`.
  Object.fromEntries(Object.entries<string>(elements).map(([field, element]) => [field, read(element)])) as Record<K, B>

export const readEntry = (element: XmlElement, kind: CcoEntryKind, smuSuffix: string): CcoEntry => {
  const texts = childTexts(element)
  const text = (name: string) => texts.get(name) ?? ""
  const fields = {
    ...mapElements(TEXT_CHILDREN, text),
    ...mapElements(LIST_CHILDREN, (name) => commaList(text(name))),
    ...mapElements(SIZE_CHILDREN, (name) => byteSize(text(name)))
  }
  const { name } = fields
  const defaultPackage = smuSuffix === "" ? name : `${name}.${smuSuffix}`
  return {
    kind,
    id: (element.attributes["id"] ?? "").trim(),
    status: (element.attributes["status"] ?? "").trim(),
    ...fields,
    cco_file_name: fields.cco_file_name !== "" ? fields.cco_file_name : kind === "tar" ? name : `${name}.tar`,
    package_names: kind === "tar" ? [name] : fields.package_names.length > 0 ? fields.package_names : [defaultPackage]
  }
}
