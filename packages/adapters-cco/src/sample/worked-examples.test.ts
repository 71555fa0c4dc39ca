import {
  buildReleaseCatalog,
  filterByDate,
  lookupCcoEntry,
  optimizeSoftware,
  packagesOf,
  parseDateParam,
  softwareList
} from "@csm/core"
import type { CcoEntry, ReleaseCatalog } from "@csm/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readCatalogDirectory } from "./read-sample.ts"

// CCO.md §5.7 and the guide's records, on the committed files as parsed.
const catalogs = new Map(readCatalogDirectory().releases.map((read) => [
  `${read.platform}_${read.release}`,
  buildReleaseCatalog(read.platform, read.release, Result.getOrThrow(read.parsed).entries)
]))
const catalogFor = (platform: string, release: string): ReleaseCatalog | undefined =>
  catalogs.get(`${platform}_${release}`)
const asr = catalogFor("asr9k_px", "5.3.3")!
const short = (entries: ReadonlyArray<CcoEntry>) => entries.map((e) => e.name.replace("asr9k-px-5.3.3.", ""))
const byName = (name: string) => asr.entries[asr.byName.get(`asr9k-px-5.3.3.${name}`)!]!

/** The fields the API serves, as the guide shows them. */
const served = (entry: CcoEntry) => ({
  id: entry.id, name: entry.name, status: entry.status, type: entry.type, description: entry.description,
  impact: entry.impact, ddts: entry.ddts, posted_date: entry.posted_date, supersedes: entry.supersedes.join(","),
  superseded_by: entry.superseded_by.join(","), prerequisites: entry.prerequisites.join(","),
  package_bundles: entry.package_bundles.join(","), functional_areas: entry.functional_areas.join(","),
  compressed_image_size: String(entry.compressed_image_size),
  uncompressed_image_size: String(entry.uncompressed_image_size), composite_DDTS: entry.composite_DDTS.join(",")
})

describe("the guide's records (CCO.md §7)", () => {
  it("CSCuz05961", () => {
    expect(served(byName("CSCuz05961"))).toEqual({
      composite_DDTS: "", compressed_image_size: "113616329", ddts: "CSCuz05961",
      description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE", functional_areas: "ETHER",
      id: "AA11308", impact: "Needs Reboot", name: "asr9k-px-5.3.3.CSCuz05961", package_bundles: "asr9k-mini-px",
      posted_date: "04/27/2016 21:39:38 PDT", prerequisites: "asr9k-px-5.3.3.CSCux24553", status: "Posted",
      superseded_by: "",
      supersedes: "asr9k-px-5.3.3.CSCtz68435,asr9k-px-5.3.3.CSCux32820,asr9k-px-5.3.3.CSCuv63743," +
        "asr9k-px-5.3.3.CSCuy75598,asr9k-px-5.3.3.CSCuy47708,asr9k-px-5.3.3.CSCuy71556,asr9k-px-5.3.3.CSCux20499," +
        "asr9k-px-5.3.3.CSCuy32183,asr9k-px-5.3.3.CSCux85576",
      type: "Optional", uncompressed_image_size: "181961047"
    })
  })

  it("CSCva29114", () => {
    expect(served(byName("CSCva29114"))).toEqual({
      impact: "Hitless", package_bundles: "asr9k-mpls-px", compressed_image_size: "216967",
      posted_date: "08/08/2016 12:57:37 PDT", composite_DDTS: "", functional_areas: "SNMP", superseded_by: "",
      supersedes: "", name: "asr9k-px-5.3.3.CSCva29114", prerequisites: "", ddts: "CSCva29114", status: "Posted",
      uncompressed_image_size: "633293", type: "Optional", id: "AA11833",
      description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing"
    })
  })

  it("CSCux31992", () => {
    expect(served(byName("CSCux31992"))).toEqual({
      id: "AA11103", name: "asr9k-px-5.3.3.CSCux31992", status: "Posted", type: "Recommended",
      description: "nV Edge IRL flap by Bay0 MPA reload, even if we change timeout of UDLD", impact: "Needs Reboot",
      ddts: "CSCux31992", posted_date: "04/19/2016 17:14:11 PDT", supersedes: "", superseded_by: "",
      prerequisites: "", package_bundles: "asr9k-mini-px", functional_areas: "QOS", compressed_image_size: "4261807",
      uncompressed_image_size: "18851717", composite_DDTS: ""
    })
  })
})

describe("worked examples (CCO.md §5.7)", () => {
  it("the optimal list, without the superseded, obsoleted, in-transit entries or tars", () => {
    const list = softwareList(asr)
    expect(short(list.entries)).toEqual([
      "CSCux24553", "CSCux31992", "CSCux89921", "CSCuy03335", "CSCuy58113", "CSCuz05961", "CSCva10652",
      "CSCva29114", "sp2"
    ])
    expect(list.warnings).toEqual([])
    const all = short(softwareList(asr, false).entries)
    expect(all).toHaveLength(20)
    expect(all.filter((name) => !short(list.entries).includes(name)).sort()).toEqual([
      "CSCtz68435", "CSCuv10217", "CSCuv63743", "CSCux20499", "CSCux32820", "CSCux85576", "CSCuy32183", "CSCuy47708",
      "CSCuy71556", "CSCuy75598", "sp1"
    ])
  })

  it("the date filter: the same day counts", () => {
    const optimal = softwareList(asr).entries
    expect(short(filterByDate(optimal, parseDateParam("04-20-2016")).entries)).toEqual([
      "CSCux24553", "CSCuy58113", "CSCuz05961", "CSCva10652", "CSCva29114", "sp2"
    ])
    expect(short(filterByDate(optimal, parseDateParam("04-19-2016")).entries)).toEqual([
      "CSCux24553", "CSCux31992", "CSCuy58113", "CSCuz05961", "CSCva10652", "CSCva29114", "sp2"
    ])
  })

  it("lookups by id or name, with the *_smu_ids; tars by id", () => {
    for (const key of ["AA11308", "asr9k-px-5.3.3.CSCuz05961"]) {
      const found = lookupCcoEntry(asr, key)
      expect(found?.entry).toBe(byName("CSCuz05961"))
      expect(found && {
        prerequisites_smu_ids: found.prerequisites_smu_ids,
        supersedes_smu_ids: found.supersedes_smu_ids,
        superseded_by_smu_ids: found.superseded_by_smu_ids
      }).toEqual({
        prerequisites_smu_ids: "AA11262",
        supersedes_smu_ids: "AA11011,AA11051,AA11161,AA11159,AA11117,AA11223,AA10928,AA11036,AA10944",
        superseded_by_smu_ids: ""
      })
    }
    expect(lookupCcoEntry(asr, "AA10801")?.entry).toMatchObject({ kind: "tar", name: "ASR9K-iosxr-px-k9-5.3.3.tar" })
  })

  it("optimises the guide's mixed input", () => {
    const inputs = [
      " disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "asr9k-px-5.3.3.CSCux32820.pie", "asr9k-px-5.3.3.CSCva29114",
      "asr9k-mgbl-px.pie-5.3.3", "hello"
    ]
    expect(optimizeSoftware(inputs, catalogFor)).toEqual({
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
        {
          software_package: "asr9k-px-5.3.3.CSCux32820.pie", is: "Superseded",
          description: byName("CSCux32820").description
        },
        { software_package: "asr9k-mgbl-px.pie-5.3.3", is: "Package", description: "" },
        { software_package: "hello", is: "Unrecognized", description: "" }
      ],
      warnings: []
    })
  })

  it("a lone SMU, and a lone superseded SMU with its warning", () => {
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCux31992.pie"], catalogFor)).toEqual({
      software_list: [{
        software_package: "asr9k-px-5.3.3.CSCux31992.pie", is: "SMU/SP",
        description: "nV Edge IRL flap by Bay0 MPA reload, even if we change timeout of UDLD"
      }],
      warnings: []
    })
    expect(optimizeSoftware(["asr9k-px-5.3.3.CSCux32820.pie"], catalogFor)).toEqual({
      software_list: [{
        software_package: "asr9k-px-5.3.3.CSCux32820.pie", is: "SMU/SP", description: byName("CSCux32820").description
      }],
      warnings: ["asr9k-px-5.3.3.CSCux32820 is superseded by asr9k-px-5.3.3.CSCuz05961."]
    })
  })

  it("supersession through the obsoleted link, and the replacement of a superseded prerequisite", () => {
    const rows = (inputs: ReadonlyArray<string>) =>
      optimizeSoftware(inputs, catalogFor).software_list.map(({ software_package, is }) => [software_package, is])
    expect(rows(["asr9k-px-5.3.3.CSCuv10217.pie", "asr9k-px-5.3.3.CSCuy58113.pie"])).toEqual([
      ["asr9k-px-5.3.3.CSCuy58113.pie", "SMU/SP"],
      ["asr9k-px-5.3.3.CSCuv10217.pie", "Superseded"]
    ])
    expect(rows(["asr9k-px-5.3.3.CSCva10652.pie"])).toEqual([
      ["asr9k-px-5.3.3.CSCuy58113.pie", "Pre-requisite"],
      ["asr9k-px-5.3.3.CSCva10652.pie", "SMU/SP"]
    ])
  })

  it("an eXR device name brings every RPM of its prerequisite", () => {
    const ncs = catalogFor("ncs5500", "6.1.3")!
    const description = (name: string) => ncs.entries[ncs.byName.get(name)!]!.description
    expect(optimizeSoftware(["ncs5500-dpa-3.0.0.22-r613.CSCve29118"], catalogFor)).toEqual({
      software_list: [
        {
          software_package: "ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm", is: "Pre-requisite",
          description: description("ncs5500-6.1.3.CSCve17920")
        },
        {
          software_package: "ncs5500-os-support-4.0.0.6-r613.CSCve17920.x86_64.rpm", is: "Pre-requisite",
          description: description("ncs5500-6.1.3.CSCve17920")
        },
        {
          software_package: "ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm", is: "SMU/SP",
          description: description("ncs5500-6.1.3.CSCve29118")
        }
      ],
      warnings: []
    })
  })

  it("the dangling prerequisite of asr9k_px 6.0.0 is a warning, and CSCux64123 stays classic", () => {
    expect(optimizeSoftware(["asr9k-px-6.0.0.CSCva55120.pie", "asr9k-px-6.0.0.CSCux64123.pie"], catalogFor)).toEqual({
      software_list: [
        expect.objectContaining({ software_package: "asr9k-px-6.0.0.CSCux64123.pie", is: "SMU/SP" }),
        expect.objectContaining({ software_package: "asr9k-px-6.0.0.CSCva55120.pie", is: "SMU/SP" })
      ],
      warnings: [
        "asr9k-px-6.0.0.CSCva55120 requires asr9k-px-6.0.0.CSCuz81213, which is not in the CCO catalog for asr9k_px 6.0.0."
      ]
    })
  })

  it("every release's optimal list optimises to SMU/SP rows only, with no new warnings", () => {
    for (const catalog of catalogs.values()) {
      const list = softwareList(catalog)
      const inputs = list.entries.flatMap(packagesOf)
      const answer = optimizeSoftware(inputs, catalogFor)
      expect(answer.software_list.map(({ is }) => is), `${catalog.platform} ${catalog.release}`)
        .toEqual(inputs.map(() => "SMU/SP"))
      expect(answer.warnings).toEqual(list.warnings)
    }
  })
})
