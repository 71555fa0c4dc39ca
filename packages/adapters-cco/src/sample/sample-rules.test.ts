import { buildReleaseCatalog, ccoDateRank, detectPlatform, detectRelease, packageKey } from "@csm/core"
import type { CcoEntry } from "@csm/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readCatalogDirectory } from "./read-sample.ts"

// The content rules of CCO.md §7 on the committed files, as parsed.
const releases = readCatalogDirectory().releases.map((read) => ({ ...read, ...Result.getOrThrow(read.parsed) }))
const allEntries = releases.flatMap((read) => read.entries.map((entry) => ({ ...read, entry })))
const isFix = (entry: CcoEntry) => entry.kind !== "tar"
const MB = 1_000_000

/** §3.1 naming per platform: SMU name prefix, package suffix, tar names. */
const naming: Record<string, { prefix: (release: string) => string; suffix: string; tar: (release: string) => RegExp }> = {
  asr9k_px: { prefix: (r) => `asr9k-px-${r}.`, suffix: "pie", tar: (r) => new RegExp(`^ASR9K-iosxr-px(-k9)?-${r}\\.tar$`) },
  asr9k_x64: {
    prefix: (r) => `asr9k-x64-${r}.`, suffix: "rpm", tar: (r) => new RegExp(`^ASR9K-x64-iosxr-px(-k9)?-${r}\\.tar$`)
  },
  crs_px: { prefix: (r) => `hfr-px-${r}.`, suffix: "pie", tar: (r) => new RegExp(`^CRS-iosxr-px(-k9)?-${r}\\.tar$`) },
  ncs5500: { prefix: (r) => `ncs5500-${r}.`, suffix: "rpm", tar: (r) => new RegExp(`^NCS5500-iosxr(-k9)?-${r}\\.tar$`) },
  ncs6k: { prefix: (r) => `ncs6k-${r}.`, suffix: "smu", tar: (r) => new RegExp(`^NCS6000-iosxr-k9-${r}\\.tar$`) },
  ncs6k_sysadmin: { prefix: (r) => `ncs6k-sysadmin-${r}.`, suffix: "smu", tar: () => /^$/ }
}
const rpm = (release: string) => new RegExp(`^([a-z0-9-]+)-\\d+\\.\\d+\\.\\d+\\.\\d+-r${release.replaceAll(".", "")}\\.`)

describe("the sample's content (CCO.md §7)", () => {
  it("4–12 SMUs per synthetic release, a supersede pair and a prerequisite everywhere, the stated tars", () => {
    for (const { platform, release, file, entries } of releases) {
      const smus = entries.filter((e) => e.kind === "smu" || e.kind === "smuIntransit").length
      if (file !== "asr9k_px_5.3.3.xml") expect(smus, file).toBeGreaterThanOrEqual(4)
      if (file !== "asr9k_px_5.3.3.xml") expect(smus, file).toBeLessThanOrEqual(12)
      expect(entries.some((e) => e.supersedes.length > 0), file).toBe(true)
      expect(entries.some((e) => e.prerequisites.length > 0), file).toBe(true)
      const tars = entries.filter((e) => e.kind === "tar")
      if (platform === "ncs6k_sysadmin") expect(tars, file).toEqual([])
      else expect([1, 2], file).toContain(tars.length)
      for (const tar of tars) expect(tar.name, file).toMatch(naming[platform]!.tar(release))
    }
  })

  it("names per §3.1: SMUs <prefix><DDTS>, packages with the release's suffix, era-plausible DDTS", () => {
    for (const { platform, release, file, header, entries } of releases) {
      const { prefix, suffix } = naming[platform]!
      expect(header.smu_suffix, file).toBe(suffix)
      for (const entry of entries.filter(isFix)) {
        if (entry.kind === "sp") {
          expect(entry.name).toMatch(new RegExp(`^${prefix(release).replaceAll(".", "\\.")}sp\\d$`))
          expect(entry.ddts).toBe("")
        } else {
          expect(entry.name, file).toBe(`${prefix(release)}${entry.ddts}`)
          expect(entry.ddts).toMatch(/^CSC[a-z]{2}\d{5}$/)
          expect(entry.ddts.slice(3, 5) >= "tz" && entry.ddts.slice(3, 5) <= "ve", entry.ddts).toBe(true)
        }
        if (suffix === "rpm") {
          for (const name of entry.package_names) expect(name, entry.name).toMatch(new RegExp(`\\.${entry.ddts}\\.x86_64\\.rpm$`))
          expect(entry.package_md5.length, entry.name).toBe(entry.package_names.length)
          for (const md5 of entry.package_md5) expect(md5).toMatch(/^[0-9a-f]{32}$/)
        } else {
          expect(entry.package_names, entry.name).toEqual([`${entry.name}.${suffix}`])
          expect(entry.package_md5).toEqual([])
        }
      }
    }
  })

  it("the eXR entries named in §7", () => {
    const packages = (name: string) => allEntries.find(({ entry }) => entry.name === name)?.entry.package_names
    expect(packages("ncs5500-6.1.3.CSCvd07722")).toEqual(["ncs5500-os-support-4.0.0.5-r613.CSCvd07722.x86_64.rpm"])
    expect(packages("ncs5500-6.1.3.CSCve17920")).toEqual([
      "ncs5500-os-support-4.0.0.6-r613.CSCve17920.x86_64.rpm", "ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm"
    ])
    expect(packages("ncs5500-6.1.3.CSCve29118")).toEqual(["ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm"])
    expect(packages("asr9k-x64-6.1.2.CSCvb31507")).toEqual([
      "asr9k-iosxr-fwding-64-2.0.0.2-r612.CSCvb31507.x86_64.rpm", "asr9k-os-supp-64-3.1.0.1-r612.CSCvb31507.x86_64.rpm"
    ])
    expect(packages("asr9k-x64-6.1.2.CSCvc01618")).toEqual(["iosxr-os-asr9k-64-5.0.0.1-r612.CSCvc01618.x86_64.rpm"])
    const ncs = releases.find(({ file }) => file === "ncs5500_6.1.3.xml")!.entries
    const named = (ddts: string) => ncs.find((e) => e.ddts === ddts)!
    expect(named("CSCvd07722").superseded_by).toEqual(["ncs5500-6.1.3.CSCve17920"])
    expect(named("CSCve29118").prerequisites).toEqual(["ncs5500-6.1.3.CSCve17920"])
    expect(ncs.filter((e) => e.kind === "tar").map((e) => e.name)).toEqual([
      "NCS5500-iosxr-6.1.3.tar", "NCS5500-iosxr-k9-6.1.3.tar"
    ])
  })

  it("packageBundles name base packages of the release; an RPM SMU patches exactly its bundles", () => {
    const bundle: Record<string, RegExp> = {
      asr9k_px: /^asr9k-[a-z0-9]+-px$/, crs_px: /^hfr-[a-z0-9]+-px$/, ncs6k: /^ncs6k-(mini-x|mgbl|mpls|mcast|k9sec)$/,
      ncs6k_sysadmin: /^ncs6k-sysadmin$/, asr9k_x64: /-64$|-x64$/, ncs5500: /^ncs5500-[a-z-]+$/
    }
    for (const { platform, release, entry } of allEntries.filter(({ entry }) => isFix(entry))) {
      expect(entry.package_bundles.length, entry.name).toBeGreaterThan(0)
      for (const item of entry.package_bundles) expect(item, entry.name).toMatch(bundle[platform]!)
      if (naming[platform]!.suffix === "rpm") {
        const bases = entry.package_names.map((name) => rpm(release).exec(name)?.[1])
        expect([...new Set(bases)].sort(), entry.name).toEqual([...entry.package_bundles].sort())
      }
    }
  })

  it("posted dates within the release's lifetime, creationDate after every one", () => {
    const tarDate = (platform: string, release: string) =>
      releases.find((r) => r.platform === platform.replace(/_sysadmin$/, "") && r.release === release)!
        .entries.filter((e) => e.kind === "tar").map((e) => ccoDateRank(e.posted_date)).sort()[0]!
    for (const { platform, release, file, creationDate, entries } of releases) {
      const [start, end] = [tarDate(platform, release), ccoDateRank(creationDate)]
      expect(end, file).not.toBe("")
      for (const entry of entries) {
        if (entry.kind === "smuIntransit") {
          expect(entry.posted_date).toBe("")
          continue
        }
        const posted = ccoDateRank(entry.posted_date)
        expect(posted >= start && posted < end, `${entry.name} ${entry.posted_date}`).toBe(true)
      }
    }
  })

  it("sizes in bytes: SMUs 0.1–120 MB, RPMs 1–30 MB, tars 0.8–2 GB, uncompressed larger", () => {
    for (const { entry } of allEntries) {
      const [packed, unpacked] = [entry.compressed_image_size, entry.uncompressed_image_size]
      if (entry.kind === "smuIntransit") continue
      expect(unpacked, entry.name).toBeGreaterThan(packed)
      const [low, high] = entry.kind === "tar" ? [800 * MB, 2000 * MB]
        : entry.kind === "sp" ? [120 * MB, 1000 * MB]
        : entry.package_names[0]!.endsWith(".rpm") ? [entry.package_names.length * MB, entry.package_names.length * 30 * MB]
        : [0.1 * MB, 120 * MB]
      expect(packed >= low && packed <= high, `${entry.name} ${packed}`).toBe(true)
    }
  })

  it("ids are PIMS ids, unique across the whole sample", () => {
    const ids = allEntries.map(({ entry }) => entry.id)
    for (const id of ids) expect(id).toMatch(/^AA\d{5}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("both supersede lists are mirrored everywhere", () => {
    for (const { entries, file } of releases) {
      const byName = new Map(entries.map((e) => [e.name, e]))
      for (const entry of entries) {
        for (const newer of entry.superseded_by) expect(byName.get(newer)?.supersedes, file).toContain(entry.name)
        for (const older of entry.supersedes) expect(byName.get(older)?.superseded_by, file).toContain(entry.name)
      }
    }
  })

  it("invariant 16: every SMU, package and tar name maps to its own file's platform and release", () => {
    for (const { platform, release, entry } of allEntries) {
      for (const name of [entry.name, ...entry.package_names]) {
        for (const form of [name, packageKey(name)]) {
          expect([detectPlatform(form), detectRelease(form)], form).toEqual([platform, release])
        }
      }
    }
  })

  it("each anomaly exists exactly once", () => {
    const catalogs = releases.map(({ platform, release, entries }) => buildReleaseCatalog(platform, release, entries))
    const count = (found: (entry: CcoEntry, i: number, catalog: (typeof catalogs)[number]) => boolean) =>
      catalogs.flatMap((catalog) => catalog.entries.filter((entry, i) => found(entry, i, catalog)).map((e) => e.name))
    expect(count((e) => e.status === "Obsoleted")).toEqual(["asr9k-px-5.3.3.CSCux02215"])
    expect(count((e) => e.kind === "smuIntransit")).toEqual(["asr9k-px-5.3.3.CSCva41207"])
    expect(count((e, _, c) => e.prerequisites.some((p) => !c.byName.has(p)))).toEqual(["asr9k-px-6.0.0.CSCva55120"])
    expect(count((e) => /x64/i.test(e.ddts))).toEqual(["asr9k-px-6.0.0.CSCux64123"])
    expect(count((e, _, c) => e.prerequisites.some((p) => c.byName.has(p) && c.supersession.isSuperseded(c.byName.get(p)!))))
      .toEqual(["asr9k-px-5.3.3.CSCva10652"])
    // A chain of three: superseded by an entry that is superseded itself.
    expect(count((e, _, c) => e.superseded_by.some((n) => c.entries[c.byName.get(n)!]!.superseded_by.length > 0)))
      .toEqual(["asr9k-px-5.3.3.CSCuv10217"])
  })
})
