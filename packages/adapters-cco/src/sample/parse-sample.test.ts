import { buildReleaseCatalog, catalogIndex, catalogProjection, softwareList } from "@csm/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readCatalogDirectory } from "./read-sample.ts"
import { sampleReleases } from "./sample-catalog.ts"

const { index, releases } = readCatalogDirectory()

describe("parsing the committed sample", () => {
  it("catalog.dat lists every release of CCO.md §7, without warnings", () => {
    expect(index.warnings).toEqual([])
    expect(index.entries.map(({ platform, release }) => `${platform}_${release}`)).toEqual([
      "asr9k_px_5.3.1", "asr9k_px_5.3.2", "asr9k_px_5.3.3", "asr9k_px_6.0.0", "asr9k_x64_6.1.2", "crs_px_5.3.2",
      "crs_px_5.3.3", "ncs5500_6.1.3", "ncs6k_5.2.3", "ncs6k_5.2.4", "ncs6k_5.2.5", "ncs6k_sysadmin_5.2.3",
      "ncs6k_sysadmin_5.2.4", "ncs6k_sysadmin_5.2.5"
    ])
  })

  it("rejects and skips nothing, warns about nothing, and gives back the data modules exactly", () => {
    expect(releases).toHaveLength(sampleReleases.length)
    releases.forEach((read, i) => {
      const parsed = Result.getOrThrow(read.parsed)
      const data = sampleReleases[i]!
      expect(parsed.warnings, read.file).toEqual([])
      expect({ platform: read.platform, release: read.release }).toEqual({ platform: data.platform, release: data.release })
      expect(parsed.header, read.file).toEqual(data.header)
      expect(parsed.header).toMatchObject({ platform: read.platform, release: read.release })
      expect(parsed.creationDate, read.file).toEqual(data.creationDate)
      expect(parsed.entries, read.file).toEqual(data.entries)
    })
  })

  it("indexes without data-quality warnings; only asr9k_px 6.0.0's dangling prerequisite is reported", () => {
    for (const read of releases) {
      const catalog = buildReleaseCatalog(read.platform, read.release, Result.getOrThrow(read.parsed).entries)
      expect(catalog.warnings, read.file).toEqual([])
      expect(softwareList(catalog).warnings, read.file).toEqual(
        read.file === "asr9k_px_6.0.0.xml"
          ? [
            "asr9k-px-6.0.0.CSCva55120 requires asr9k-px-6.0.0.CSCuz81213, which is not in the CCO catalog for asr9k_px 6.0.0."
          ]
          : []
      )
    }
  })

  it("GET /cco/catalog shows the guide's sample response, plus asr9k_x64 and ncs5500", () => {
    const state = catalogProjection.init()
    catalogProjection.apply(state, {
      _tag: "CcoCatalogIndexRecorded", source: "bundled sample", fetchedAt: "2016-08-09T09:10:05.000Z",
      entries: index.entries
    }, { stream: "cco-index", version: 0, recordedAt: "2016-08-09T09:10:05.000Z" })
    expect(catalogIndex(state)).toStrictEqual({
      asr9k_px: ["6.0.0", "5.3.3", "5.3.2", "5.3.1"],
      asr9k_x64: ["6.1.2"],
      crs_px: ["5.3.3", "5.3.2"],
      ncs5500: ["6.1.3"],
      ncs6k: ["5.2.5", "5.2.4", "5.2.3"],
      ncs6k_sysadmin: ["5.2.5", "5.2.4", "5.2.3"]
    })
  })
})
