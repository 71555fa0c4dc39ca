import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { jobIdsDecider } from "./job-ids.ts"

const spec = DeciderSpecification.for(jobIdsDecider)

describe("install job ids", () => {
  it("hands out ids from 1", () => {
    spec.given([]).when({ _tag: "ReserveInstallJobIds", count: 3 }).then([{ _tag: "InstallJobIdsReserved", first: 1, count: 3 }])
  })

  it("never hands out an id twice", () => {
    spec.given([{ _tag: "InstallJobIdsReserved", first: 1, count: 3 }, { _tag: "InstallJobIdsReserved", first: 4, count: 1 }])
      .when({ _tag: "ReserveInstallJobIds", count: 2 })
      .then([{ _tag: "InstallJobIdsReserved", first: 5, count: 2 }])
  })

  it("refuses to reserve no ids, or a part of one", () => {
    spec.given([]).when({ _tag: "ReserveInstallJobIds", count: 0 }).thenRejects(
      "Unable to reserve 0 install job ids: a request reserves at least one."
    )
    spec.given([]).when({ _tag: "ReserveInstallJobIds", count: 1.5 }).thenRejects(
      "Unable to reserve 1.5 install job ids: a request reserves at least one."
    )
  })
})
