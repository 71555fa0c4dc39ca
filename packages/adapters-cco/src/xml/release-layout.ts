import type { CcoEntry, CcoEntryKind, CcoHeader } from "@csm/core"

/**
 * The element names of the SMU meta file (CCO.md §2.2) and the model fields they fill. The parser
 * and the writer both read them from here, so the two cannot drift apart.
 */

export const ENTRY_KINDS: ReadonlyArray<CcoEntryKind> = ["smu", "smuIntransit", "sp", "tar"]

export const isEntryKind = (name: string): name is CcoEntryKind => (ENTRY_KINDS as ReadonlyArray<string>).includes(name)

/** Child elements holding plain text. */
export const TEXT_CHILDREN = {
  name: "name",
  type: "smuType",
  category: "smuCategory",
  description: "description",
  impact: "impact",
  ddts: "ddts",
  posted_date: "postedDate",
  customer_eta: "customerETA",
  cco_file_name: "ccoFileName"
} as const satisfies Partial<Record<keyof CcoEntry, string>>

/** Child elements holding a comma list. */
export const LIST_CHILDREN = {
  supersedes: "supercedes",
  superseded_by: "supercededBy",
  prerequisites: "pre-requisites",
  package_bundles: "packageBundles",
  functional_areas: "functionalAreas",
  composite_DDTS: "compositeDDTS",
  package_names: "packageNames",
  package_md5: "packageMD5"
} as const satisfies Partial<Record<keyof CcoEntry, string>>

/** Child elements holding a size in bytes. */
export const SIZE_CHILDREN = {
  compressed_image_size: "compressedImageSize",
  uncompressed_image_size: "unCompressedImageSize"
} as const satisfies Partial<Record<keyof CcoEntry, string>>

export type ChildField = keyof typeof TEXT_CHILDREN | keyof typeof LIST_CHILDREN | keyof typeof SIZE_CHILDREN

export const CHILD_ELEMENT: Readonly<Record<ChildField, string>> = { ...TEXT_CHILDREN, ...LIST_CHILDREN, ...SIZE_CHILDREN }

/** The order in which files the project writes list an entry's children. */
export const CHILD_ORDER: ReadonlyArray<ChildField> = [
  "name", "type", "category", "description", "impact", "ddts", "posted_date", "customer_eta",
  "supersedes", "superseded_by", "prerequisites", "package_bundles", "functional_areas",
  "compressed_image_size", "uncompressed_image_size", "cco_file_name", "composite_DDTS",
  "package_names", "package_md5"
]

/** Header elements holding plain text; `creationDate` travels beside the header. */
export const HEADER_TEXT = {
  platform: "platform",
  release: "release",
  smu_suffix: "smuSuffix",
  smu_software_type_id: "smuSoftwareTypeID",
  sp_software_type_id: "spSoftwareTypeID",
  tar_software_type_id: "tarSoftwareTypeID"
} as const satisfies Partial<Record<keyof CcoHeader, string>>

export const CREATION_DATE = "creationDate"

/** `platformMDFID` > `pid`, `mdfID`. */
export const MDFID = "platformMDFID"
export const MDFID_CHILDREN = { pid: "pid", mdf_id: "mdfID" } as const satisfies Partial<Record<keyof CcoHeader, string>>
