import { buildReleaseCatalog, optimizeSoftware, packageKey, routerSoftwareOf, softwareList } from "@csm/core"
import type { ReleaseCatalog } from "@csm/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readCatalogDirectory } from "./read-sample.ts"

// Simulated routers agree with the sample (CCO.md §7 last paragraph, DEVICE.md §4, §9.4).
const releases = readCatalogDirectory().releases.map((read) => {
  const parsed = Result.getOrThrow(read.parsed)
  return {
    file: read.file,
    catalog: buildReleaseCatalog(read.platform, read.release, parsed.entries),
    software: routerSoftwareOf({ release: read.release, header: parsed.header, entries: parsed.entries })
  }
})
const catalogs = new Map(releases.map(({ catalog }) => [`${catalog.platform}_${catalog.release}`, catalog]))
const catalogFor = (platform: string, release: string): ReleaseCatalog | undefined =>
  catalogs.get(`${platform}_${release}`)

describe("routerSoftwareOf on every release of the sample", () => {
  it("the repository holds every package of every available SMU and SP, and nothing else", () => {
    for (const { file, catalog, software } of releases) {
      const expected = catalog.entries.flatMap((entry, i) => (catalog.available[i] === true ? entry.package_names : []))
      expect(software.repositoryFiles.map(({ file }) => file), file).toEqual(expected)
      for (const { size } of software.repositoryFiles) expect(size).toBeGreaterThan(0)
    }
  })

  it("each file's device name maps back to the same entry through the package key (§5.6 step 1)", () => {
    for (const { catalog, software } of releases) {
      for (const { file, internalNames } of software.repositoryFiles) {
        const entry = catalog.byKey.get(packageKey(file))
        expect(entry, file).toBeDefined()
        for (const name of internalNames) expect(catalog.byKey.get(packageKey(name)), name).toBe(entry)
      }
    }
  })

  it("device names follow §3.1", () => {
    const names = new Map(releases.flatMap(({ software }) =>
      software.repositoryFiles.map(({ file, internalNames }) => [file, internalNames] as const)
    ))
    expect(names.get("asr9k-px-5.3.3.CSCuz05961.pie")).toEqual(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
    expect(names.get("asr9k-px-5.3.3.sp2.pie")).toEqual(["disk0:asr9k-px-5.3.3.sp2-1.0.0"])
    expect(names.get("hfr-px-5.3.3.CSCuz20866.pie")).toEqual(["disk0:hfr-px-5.3.3.CSCuz20866-1.0.0"])
    expect(names.get("ncs6k-sysadmin-5.2.4.CSCux17390.smu")).toEqual(["ncs6k-sysadmin-5.2.4.CSCux17390"])
    expect(names.get("ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm")).toEqual([
      "ncs5500-infra-4.1.0.2-r613.CSCve17920"
    ])
  })

  it("base packages cover every packageBundles item and are Package rows to the optimiser", () => {
    for (const { file, catalog, software } of releases) {
      for (const item of new Set(catalog.entries.flatMap((entry) => entry.package_bundles))) {
        expect(software.basePackages.filter((name) => packageKey(name).startsWith(`${item}-`)), `${file} ${item}`)
          .toHaveLength(1)
      }
      expect(optimizeSoftware(software.basePackages, catalogFor).software_list.map(({ is }) => is), file)
        .toEqual(software.basePackages.map(() => "Package"))
    }
    const bases = (file: string) => releases.find((r) => r.file === file)!.software.basePackages
    expect(bases("asr9k_px_5.3.3.xml")).toEqual(["disk0:asr9k-mini-px-5.3.3", "disk0:asr9k-mpls-px-5.3.3"])
    expect(bases("ncs5500_6.1.3.xml")).toEqual([
      "ncs5500-dpa-3.0.0.0-r613", "ncs5500-infra-4.1.0.0-r613", "ncs5500-mpls-2.1.0.0-r613",
      "ncs5500-os-support-4.0.0.0-r613"
    ])
    expect(bases("ncs6k_sysadmin_5.2.4.xml")).toEqual(["ncs6k-sysadmin-5.2.4"])
  })

  it("the device names of a router's optimal list optimise to SMU/SP rows again", () => {
    for (const { file, catalog, software } of releases) {
      const optimal = new Set(softwareList(catalog).entries.map((entry) => entry.name))
      const active = software.repositoryFiles
        .filter(({ file }) => optimal.has(catalog.entries[catalog.byKey.get(packageKey(file))!]!.name))
        .flatMap(({ internalNames }) => internalNames)
      const rows = optimizeSoftware(active, catalogFor).software_list
      expect(rows.map(({ is }) => is), file).toEqual(rows.map(() => "SMU/SP"))
      expect(rows.length, file).toBe(active.length)
    }
  })
})
