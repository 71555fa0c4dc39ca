import { createHash } from "node:crypto"
import type { CcoEntry, CcoEntryKind, CcoHeader } from "@csm/core"

/**
 * The content of one file of the bundled sample catalog (CCO.md §7), in the shape the release
 * writer takes. Entries are complete, defaults applied, so parsing the written file gives them back.
 */
export interface SampleRelease {
  readonly platform: string
  readonly release: string
  readonly creationDate: string
  readonly header: CcoHeader
  readonly entries: ReadonlyArray<CcoEntry>
}

/** An entry as a data module writes it: `superseded_by` is derived, defaults are filled in. */
export interface Draft {
  readonly kind: CcoEntryKind
  readonly id: string
  readonly name: string
  readonly status: string
  readonly type?: string
  readonly category?: string
  readonly description: string
  readonly impact?: string
  readonly ddts?: string
  /** `MM/DD/YYYY HH:MM:SS TZ`; empty in transit. */
  readonly posted: string
  readonly customerEta?: string
  readonly supersedes?: ReadonlyArray<string>
  readonly prerequisites?: ReadonlyArray<string>
  readonly bundles?: ReadonlyArray<string>
  readonly areas?: ReadonlyArray<string>
  /** Compressed and uncompressed bytes. */
  readonly size: readonly [number, number]
  readonly compositeDdts?: ReadonlyArray<string>
  /** The installable files; missing = `name.<smuSuffix>` (tars: the name). */
  readonly packages?: ReadonlyArray<string>
}

export interface ReleaseDraft {
  readonly platform: string
  readonly release: string
  readonly creationDate: string
  readonly smuSuffix: "pie" | "smu" | "rpm"
  readonly pid: string
  readonly mdfId: string
  readonly drafts: ReadonlyArray<Draft>
}

/** The Cisco download "software type" ids; synthetic, the same in every file. */
const softwareTypeIds = { smu: "280867577", sp: "281252212", tar: "280805694" } as const

/** A stand-in for a file's MD5 that needs no file: the MD5 of its name. */
const md5Of = (file: string): string => createHash("md5").update(file).digest("hex")

/**
 * Completes the drafts of one file: `supercededBy` mirrors every `supercedes` (in file order), package
 * names and `ccoFileName` get their defaults, RPM files get their MD5s.
 */
export const sampleRelease = (draft: ReleaseDraft): SampleRelease => {
  const supersededBy = new Map<string, Array<string>>()
  for (const entry of draft.drafts) {
    for (const older of entry.supersedes ?? []) supersededBy.set(older, [...(supersededBy.get(older) ?? []), entry.name])
  }
  const entries = draft.drafts.map((entry): CcoEntry => {
    const packages = entry.packages ?? [entry.kind === "tar" ? entry.name : `${entry.name}.${draft.smuSuffix}`]
    return {
      kind: entry.kind,
      id: entry.id,
      name: entry.name,
      status: entry.status,
      type: entry.type ?? "",
      category: entry.category ?? "",
      description: entry.description,
      impact: entry.impact ?? "",
      ddts: entry.ddts ?? "",
      posted_date: entry.posted,
      customer_eta: entry.customerEta ?? "",
      supersedes: entry.supersedes ?? [],
      superseded_by: supersededBy.get(entry.name) ?? [],
      prerequisites: entry.prerequisites ?? [],
      package_bundles: entry.bundles ?? [],
      functional_areas: entry.areas ?? [],
      compressed_image_size: entry.size[0],
      uncompressed_image_size: entry.size[1],
      cco_file_name: entry.kind === "tar" ? entry.name : `${entry.name}.tar`,
      composite_DDTS: entry.compositeDdts ?? [],
      package_names: packages,
      package_md5: draft.smuSuffix === "rpm" && entry.kind !== "tar" ? packages.map(md5Of) : []
    }
  })
  return {
    platform: draft.platform,
    release: draft.release,
    creationDate: draft.creationDate,
    header: {
      platform: draft.platform,
      release: draft.release,
      smu_suffix: draft.smuSuffix,
      pid: draft.pid,
      mdf_id: draft.mdfId,
      smu_software_type_id: softwareTypeIds.smu,
      sp_software_type_id: softwareTypeIds.sp,
      tar_software_type_id: softwareTypeIds.tar
    },
    entries
  }
}

/** Builders for one release's SMUs, named `<prefix><DDTS>`; supersedes and prerequisites are DDTS too. */
export interface SmuFields {
  readonly id: string
  readonly ddts: string
  readonly posted: string
  readonly type: "Recommended" | "Optional" | "PSIRT"
  readonly impact: "Hitless" | "Needs Reboot"
  readonly description: string
  readonly areas: ReadonlyArray<string>
  readonly bundles: ReadonlyArray<string>
  readonly size: readonly [number, number]
  readonly supersedes?: ReadonlyArray<string>
  readonly prerequisites?: ReadonlyArray<string>
  readonly packages?: ReadonlyArray<string>
}

export const smuNamed = (prefix: string) => (fields: SmuFields): Draft => {
  const { supersedes, prerequisites, packages, ...rest } = fields
  return {
    ...rest,
    kind: "smu",
    name: `${prefix}${fields.ddts}`,
    status: "Posted",
    category: fields.type === "PSIRT" ? "Security Advisory" : "Bug Fix",
    ...(supersedes === undefined ? {} : { supersedes: supersedes.map((ddts) => `${prefix}${ddts}`) }),
    ...(prerequisites === undefined ? {} : { prerequisites: prerequisites.map((ddts) => `${prefix}${ddts}`) }),
    ...(packages === undefined ? {} : { packages })
  }
}

/** A release tar, posted with the release. */
export const tar = (id: string, name: string, posted: string, description: string, size: readonly [number, number]): Draft =>
  ({ kind: "tar", id, name, status: "Posted", description, posted, size })
