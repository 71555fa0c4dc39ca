import { describe, expect, it } from "vitest"
import { CcoCatalogIndexRecorded, CcoReleaseSnapshotRecorded, CcoReleaseWithdrawn } from "./events.ts"
import type { CcoEvent } from "./events.ts"
import { catalogIndex, catalogProjection, releaseSnapshot } from "./projection.ts"

const at = "2016-08-10T00:00:00.000Z"
const meta = { stream: "cco-index", version: 1, recordedAt: at }
const header = {
  platform: "asr9k_px", release: "5.3.3", smu_suffix: "pie", pid: "", mdf_id: "", smu_software_type_id: "",
  sp_software_type_id: "", tar_software_type_id: ""
}
const snapshot = (release: string, sha256: string) =>
  CcoReleaseSnapshotRecorded.make({
    platform: "asr9k_px", release, creationDate: "08/09/2016 02:10:05 PDT", sha256, source: "sample", fetchedAt: at,
    header, entries: [], warnings: []
  })
const index = (...lines: ReadonlyArray<readonly [string, string]>) =>
  CcoCatalogIndexRecorded.make({
    source: "sample",
    fetchedAt: at,
    entries: lines.map(([platform, release]) => ({ platform, release }))
  })

const fold = (events: ReadonlyArray<CcoEvent>) => {
  const state = catalogProjection.init()
  for (const event of events) catalogProjection.apply(state, event, meta)
  return state
}

describe("catalog read model", () => {
  it("is empty with nothing recorded", () => {
    expect(catalogIndex(fold([]))).toEqual({})
  })

  it("lists platforms by name and their releases newest first", () => {
    const state = fold([
      index(["crs_px", "5.3.3"], ["asr9k_px", "5.3.1"], ["asr9k_px", "6.1.2"], ["asr9k_px", "6.1.12"], ["__proto__", "1.0.0"])
    ])
    const answer = catalogIndex(state)
    expect(Object.keys(answer)).toEqual(["__proto__", "asr9k_px", "crs_px"])
    expect(answer["asr9k_px"]).toEqual(["6.1.12", "6.1.2", "5.3.1"])
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype)
  })

  it("shows the latest index only", () => {
    expect(catalogIndex(fold([index(["ncs6k", "5.2.4"]), index(["ncs6k", "5.2.5"])]))).toEqual({ ncs6k: ["5.2.5"] })
  })

  it("keeps the current snapshot of each release until it is withdrawn", () => {
    const state = fold([snapshot("5.3.3", "aa"), snapshot("5.3.3", "bb"), snapshot("6.0.0", "cc")])
    expect(releaseSnapshot(state, "asr9k_px", "5.3.3")?.sha256).toBe("bb")
    catalogProjection.apply(state, CcoReleaseWithdrawn.make({ platform: "asr9k_px", release: "5.3.3", at }), meta)
    expect(releaseSnapshot(state, "asr9k_px", "5.3.3")).toBeUndefined()
    expect(releaseSnapshot(state, "asr9k_px", "6.0.0")?.sha256).toBe("cc")
  })
})
