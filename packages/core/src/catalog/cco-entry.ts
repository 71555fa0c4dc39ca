import { Schema } from "effect"

/**
 * The parsed SMU meta file of one platform/release (CCO.md §2.2), as the catalog source adapter
 * hands it over, defaults applied. Entries keep the API's row keys for what the API serves.
 */

/** `smu` (on Cisco.com), `smuIntransit` (announced), `sp` (service pack), `tar` (release software). */
export const CcoEntryKind = Schema.Literals(["smu", "smuIntransit", "sp", "tar"])
export type CcoEntryKind = typeof CcoEntryKind.Type

const text = Schema.String
/** A comma list of the file, split, trimmed, without empty items or repeats. */
const list = Schema.Array(Schema.String)

export const CcoEntry = Schema.Struct({
  kind: CcoEntryKind,
  id: text,
  name: text,
  status: text,
  type: text,
  category: text,
  description: text,
  impact: text,
  ddts: text,
  posted_date: text,
  customer_eta: text,
  supersedes: list,
  superseded_by: list,
  prerequisites: list,
  package_bundles: list,
  functional_areas: list,
  compressed_image_size: Schema.Number,
  uncompressed_image_size: Schema.Number,
  cco_file_name: text,
  composite_DDTS: list,
  package_names: list,
  package_md5: list
})
export type CcoEntry = typeof CcoEntry.Type

/** The file's header; `platform` and `release` are what the file claims, the index line wins. */
export const CcoHeader = Schema.Struct({
  platform: text,
  release: text,
  smu_suffix: text,
  pid: text,
  mdf_id: text,
  smu_software_type_id: text,
  sp_software_type_id: text,
  tar_software_type_id: text
})
export type CcoHeader = typeof CcoHeader.Type

/** One line of catalog.dat. */
export const CcoIndexEntry = Schema.Struct({ platform: Schema.String, release: Schema.String })
export type CcoIndexEntry = typeof CcoIndexEntry.Type
