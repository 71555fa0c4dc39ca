import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CcoCatalogIndexRecorded, CcoReleaseSnapshotRecorded, ccoEventDefinitions, ccoReleaseStream } from "./events.ts"

const at = "2016-08-10T00:00:00.000Z"
const samples = [
  CcoCatalogIndexRecorded.make({ source: "sample", fetchedAt: at, entries: [{ platform: "asr9k_px", release: "5.3.3" }] }),
  CcoReleaseSnapshotRecorded.make({
    platform: "asr9k_px", release: "5.3.3", creationDate: "08/09/2016 02:10:05 PDT", sha256: "ab", source: "sample",
    fetchedAt: at, warnings: ["w"],
    header: {
      platform: "asr9k_px", release: "5.3.3", smu_suffix: "pie", pid: "", mdf_id: "", smu_software_type_id: "",
      sp_software_type_id: "", tar_software_type_id: ""
    },
    entries: [{
      kind: "sp", id: "AA11750", name: "asr9k-px-5.3.3.sp2", status: "Posted", type: "", category: "", description: "SP2",
      impact: "Needs Reboot", ddts: "", posted_date: "07/21/2016 10:00:00 PDT", customer_eta: "", supersedes: ["asr9k-px-5.3.3.sp1"],
      superseded_by: [], prerequisites: [], package_bundles: [], functional_areas: [], compressed_image_size: 1,
      uncompressed_image_size: 2, cco_file_name: "asr9k-px-5.3.3.sp2.tar", composite_DDTS: ["CSCux31992"],
      package_names: ["asr9k-px-5.3.3.sp2.pie"], package_md5: []
    }]
  })
]

describe("CCO events", () => {
  it.each(samples)("$_tag survives JSON", (event) => {
    const { schema } = ccoEventDefinitions.find((definition) => definition.type === event._tag)!
    const json = JSON.parse(JSON.stringify(Schema.encodeUnknownSync(schema)(event)))
    expect(Schema.decodeUnknownSync(schema)(json)).toEqual(event)
  })

  it("name a release's stream after its catalog key", () => {
    expect(ccoReleaseStream("ncs6k_sysadmin", "5.2.4")).toBe("cco-ncs6k_sysadmin_5.2.4")
  })
})
