import { describe, expect, it } from "vitest"
import { filterByDate, parseDateParam } from "./date-filter.ts"
import { lookupCcoEntry } from "./lookup.ts"
import { softwareList } from "./optimal-list.ts"
import { optimizeSoftware } from "./optimize.ts"
import { buildReleaseCatalog } from "./release-catalog.ts"
import { asr9kPx533, ncs5500613 } from "../testing/cco-sample-release.ts"

// CCO.md §5.7, on the bundled sample's asr9k_px 5.3.3 and ncs5500 6.1.3.
const asr = buildReleaseCatalog("asr9k_px", "5.3.3", asr9kPx533)
const ncs = buildReleaseCatalog("ncs5500", "6.1.3", ncs5500613)
const catalogFor = (platform: string, release: string) =>
  platform === "asr9k_px" && release === "5.3.3" ? asr : platform === "ncs5500" && release === "6.1.3" ? ncs : undefined
const names = (list: ReadonlyArray<{ name: string }>) => list.map((e) => e.name.replace("asr9k-px-5.3.3.", ""))

describe("worked examples (CCO.md §5.7)", () => {
  it("the optimal list", () => {
    const list = softwareList(asr)
    expect(names(list.entries)).toEqual([
      "CSCux24553", "CSCux31992", "CSCux89921", "CSCuy03335", "CSCuy58113", "CSCuz05961", "CSCva10652",
      "CSCva29114", "sp2"
    ])
    expect(list.warnings).toEqual([])
    expect(asr.warnings).toEqual([])
  })

  it("optimal=false lists every available entry, no tars or in-transit ones", () => {
    const all = names(softwareList(asr, false).entries)
    expect(all).toHaveLength(20)
    expect(all).not.toContain("CSCux02215")
    expect(all).not.toContain("CSCva41207")
    expect(all.at(-2)).toBe("sp1")
  })

  it("the date filter", () => {
    const optimal = softwareList(asr).entries
    expect(names(filterByDate(optimal, parseDateParam("04-20-2016")).entries)).toEqual([
      "CSCux24553", "CSCuy58113", "CSCuz05961", "CSCva10652", "CSCva29114", "sp2"
    ])
    expect(names(filterByDate(optimal, parseDateParam("4-19-2016")).entries)).toContain("CSCux31992")
    expect(filterByDate(optimal, undefined).entries).toBe(optimal)
    expect(["02-30-2016", "13-01-2016", "2016-04-20", "04/20/2016", ""].map(parseDateParam)).toEqual(
      [undefined, undefined, undefined, undefined, undefined]
    )
    expect(parseDateParam("02-29-2016")).toBe("20160229")
  })

  it("lookupCcoEntry by id or name, with the *_smu_ids", () => {
    for (const key of ["AA11308", "aa11308", " asr9k-px-5.3.3.CSCuz05961", "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"]) {
      const found = lookupCcoEntry(asr, key)
      expect(found?.entry.id).toBe("AA11308")
      expect(found?.prerequisites_smu_ids).toBe("AA11262")
      expect(found?.supersedes_smu_ids).toBe("AA11011,AA11051,AA11161,AA11159,AA11117,AA11223,AA10928,AA11036,AA10944")
      expect(found?.superseded_by_smu_ids).toBe("")
    }
    expect(lookupCcoEntry(asr, "AA10801")?.entry.name).toBe("ASR9K-iosxr-px-k9-5.3.3.tar")
    expect(lookupCcoEntry(asr, "AA11902")?.entry.kind).toBe("smuIntransit")
    expect(lookupCcoEntry(asr, "CSCzz00000")).toBeUndefined()
  })

  it("optimises the guide's mixed input", () => {
    const answer = optimizeSoftware([
      " disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "asr9k-px-5.3.3.CSCux32820.pie", "asr9k-px-5.3.3.CSCva29114",
      "asr9k-mgbl-px.pie-5.3.3", "hello"
    ], catalogFor)
    expect(answer).toEqual({
      software_list: [
        {
          software_package: "asr9k-px-5.3.3.CSCux24553.pie", is: "Pre-requisite",
          description: "Platform infra update required by later ETHER SMUs"
        },
        {
          software_package: "asr9k-px-5.3.3.CSCuz05961.pie", is: "SMU/SP",
          description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE"
        },
        {
          software_package: "asr9k-px-5.3.3.CSCva29114.pie", is: "SMU/SP",
          description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing"
        },
        { software_package: "asr9k-px-5.3.3.CSCux32820.pie", is: "Superseded", description: "" },
        { software_package: "asr9k-mgbl-px.pie-5.3.3", is: "Package", description: "" },
        { software_package: "hello", is: "Unrecognized", description: "" }
      ],
      warnings: []
    })
  })

  it("a lone SMU, and a lone superseded SMU with its warning", () => {
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCux31992.pie"], catalogFor).software_list).toEqual([
      { software_package: "asr9k-px-5.3.3.CSCux31992.pie", is: "SMU/SP", description: "" }
    ])
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCux32820.pie"], catalogFor)).toEqual({
      software_list: [{ software_package: "asr9k-px-5.3.3.CSCux32820.pie", is: "SMU/SP", description: "" }],
      warnings: ["asr9k-px-5.3.3.CSCux32820 is superseded by asr9k-px-5.3.3.CSCuz05961."]
    })
  })

  it("supersession through an obsoleted link, and the replacement of a superseded prerequisite", () => {
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCuv10217.pie", "asr9k-px-5.3.3.CSCuy58113.pie"], catalogFor).software_list)
      .toEqual([
        { software_package: "asr9k-px-5.3.3.CSCuy58113.pie", is: "SMU/SP", description: "" },
        { software_package: "asr9k-px-5.3.3.CSCuv10217.pie", is: "Superseded", description: "" }
      ])
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCva10652.pie"], catalogFor).software_list).toEqual([
      { software_package: "asr9k-px-5.3.3.CSCuy58113.pie", is: "Pre-requisite", description: "" },
      { software_package: "asr9k-px-5.3.3.CSCva10652.pie", is: "SMU/SP", description: "" }
    ])
  })

  it("an eXR device name brings every RPM of its prerequisite", () => {
    expect(optimizeSoftware(["ncs5500-dpa-3.0.0.22-r613.CSCve29118"], catalogFor)).toEqual({
      software_list: [
        { software_package: "ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm", is: "Pre-requisite", description: "os support" },
        { software_package: "ncs5500-os-support-4.0.0.6-r613.CSCve17920.x86_64.rpm", is: "Pre-requisite", description: "os support" },
        { software_package: "ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm", is: "SMU/SP", description: "dpa" }
      ],
      warnings: []
    })
  })

  it("a detected release without a catalog, tars and base packages are Package rows", () => {
    expect(optimizeSoftware(["asr9k-px-6.0.0.CSCux64123.pie", "ASR9K-iosxr-px-k9-5.3.3.tar", "  "], catalogFor)).toEqual({
      software_list: [
        { software_package: "ASR9K-iosxr-px-k9-5.3.3.tar", is: "Package", description: "" },
        { software_package: "asr9k-px-6.0.0.CSCux64123.pie", is: "Package", description: "" }
      ],
      warnings: []
    })
  })
})
