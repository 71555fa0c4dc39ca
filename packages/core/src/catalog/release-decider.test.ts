import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import type { CcoEntry } from "./cco-entry.ts"
import type { RecordReleaseSnapshot } from "./commands.ts"
import { CcoReleaseSnapshotRecorded, CcoReleaseWithdrawn } from "./events.ts"
import { ccoReleaseDecider } from "./release-decider.ts"

const spec = DeciderSpecification.for(ccoReleaseDecider)
const fetchedAt = "2016-08-10T00:00:00.000Z"

const smu: CcoEntry = {
  kind: "smu", id: "AA11833", name: "asr9k-px-5.3.3.CSCva29114", status: "Posted", type: "Optional", category: "",
  description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing", impact: "Hitless", ddts: "CSCva29114",
  posted_date: "08/08/2016 12:57:37 PDT", customer_eta: "", supersedes: [], superseded_by: [], prerequisites: [],
  package_bundles: ["asr9k-mpls-px"], functional_areas: ["SNMP"], compressed_image_size: 216967,
  uncompressed_image_size: 633293, cco_file_name: "asr9k-px-5.3.3.CSCva29114.tar", composite_DDTS: [],
  package_names: ["asr9k-px-5.3.3.CSCva29114.pie"], package_md5: []
}

const record = (sha256: string, creationDate = "08/09/2016 02:10:05 PDT"): RecordReleaseSnapshot => ({
  _tag: "RecordReleaseSnapshot",
  platform: "asr9k_px",
  release: "5.3.3",
  creationDate,
  sha256,
  source: "directory /data/cco",
  fetchedAt,
  header: {
    platform: "asr9k_px", release: "5.3.3", smu_suffix: "pie", pid: "ASR-9010-AC", mdf_id: "282414851",
    smu_software_type_id: "280867577", sp_software_type_id: "", tar_software_type_id: ""
  },
  entries: [smu],
  warnings: []
})

const recorded = ({ _tag, ...snapshot }: RecordReleaseSnapshot) => CcoReleaseSnapshotRecorded.make(snapshot)

describe("CCO release snapshots", () => {
  it("records the first snapshot of a release", () => {
    spec.given([]).when(record("aa")).then([recorded(record("aa"))])
  })

  it("does not record an unchanged file again", () => {
    spec.given([recorded(record("aa"))]).when(record("aa")).then([])
  })

  it("records a changed file", () => {
    spec.given([recorded(record("aa"))]).when(record("bb", "09/01/2016 00:00:00 PDT"))
      .then([recorded(record("bb", "09/01/2016 00:00:00 PDT"))])
  })

  it("records a changed file that claims to be no newer, with a warning", () => {
    spec.given([recorded(record("aa"))]).when(record("bb"))
      .then([recorded({
        ...record("bb"),
        warnings: ["The file changed, but its creationDate 08/09/2016 02:10:05 PDT is not newer than 08/09/2016 02:10:05 PDT."]
      })])
  })

  it("withdraws a release that has a snapshot, once", () => {
    const withdraw = { _tag: "WithdrawRelease", platform: "asr9k_px", release: "5.3.3", at: fetchedAt } as const
    const withdrawn = CcoReleaseWithdrawn.make({ platform: "asr9k_px", release: "5.3.3", at: fetchedAt })
    spec.given([recorded(record("aa"))]).when(withdraw).then([withdrawn])
    spec.given([recorded(record("aa")), withdrawn]).when(withdraw).then([])
    spec.given([]).when(withdraw).then([])
  })

  it("records the same file again once the release came back", () => {
    spec.given([recorded(record("aa")), CcoReleaseWithdrawn.make({ platform: "asr9k_px", release: "5.3.3", at: fetchedAt })])
      .when(record("aa"))
      .then([recorded(record("aa"))])
  })
})
