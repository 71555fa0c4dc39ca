import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { CcoCatalogIndexRecorded } from "./events.ts"
import { ccoIndexDecider } from "./index-decider.ts"

const spec = DeciderSpecification.for(ccoIndexDecider)
const fetchedAt = "2016-08-10T00:00:00.000Z"
const source = "directory /data/cco"
const entry = (platform: string, release: string) => ({ platform, release })

describe("CCO catalog index", () => {
  const sorted = [entry("asr9k_px", "5.3.2"), entry("asr9k_px", "5.3.10"), entry("crs_px", "5.3.3")]
  const recorded = CcoCatalogIndexRecorded.make({ source, fetchedAt, entries: sorted })

  it("records the index sorted, each release once", () => {
    spec.given([])
      .when({
        _tag: "RecordCatalogIndex",
        source,
        fetchedAt,
        entries: [entry("crs_px", "5.3.3"), entry("asr9k_px", "5.3.10"), entry("asr9k_px", "5.3.2"), entry("crs_px", "5.3.3")]
      })
      .then([recorded])
  })

  it("does not record the same set again", () => {
    spec.given([recorded]).when({ _tag: "RecordCatalogIndex", source, fetchedAt, entries: [...sorted].reverse() }).then([])
  })

  it("records a changed set", () => {
    spec.given([recorded]).when({ _tag: "RecordCatalogIndex", source, fetchedAt, entries: sorted.slice(1) })
      .then([CcoCatalogIndexRecorded.make({ source, fetchedAt, entries: sorted.slice(1) })])
  })
})
