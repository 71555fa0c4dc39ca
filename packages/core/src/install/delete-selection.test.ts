import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { selectDeletions } from "./delete-selection.ts"
import { completed, failed, installJobsOf, rejection, scheduled, started } from "../testing/install-fixtures.ts"

describe("DELETE /api/v1/install/delete", () => {
  const jobs = installJobsOf(
    scheduled(1, { hostname: "R1" }),
    scheduled(2, { hostname: "R1", dependency: 1 }),
    scheduled(3, { hostname: "R1", dependency: 2 }),
    scheduled(4, { hostname: "R1", dependency: 1 }),
    scheduled(5, { hostname: "R1" }),
    scheduled(6, { hostname: "R1" }),
    scheduled(7, { hostname: "R2" }),
    scheduled(8, { hostname: "R2" }),
    scheduled(9, { hostname: "R2", dependency: 8 }),
    started(5),
    started(6),
    completed(6),
    started(8),
    failed(8)
  )

  it("deletes a job with all its transitive dependents", () => {
    expect(selectDeletions(jobs, { id: 1 })).toEqual(Result.succeed([{ _tag: "Deleted", id: 1, dependents: [2, 3, 4] }]))
    expect(selectDeletions(jobs, { id: 8 })).toEqual(Result.succeed([{ _tag: "Deleted", id: 8, dependents: [9] }]))
    expect(selectDeletions(jobs, { id: 7 })).toEqual(Result.succeed([{ _tag: "Deleted", id: 7, dependents: [] }]))
  })

  it("refuses running and completed jobs, and unknown ids", () => {
    expect(selectDeletions(jobs, { id: 5 })).toEqual(
      Result.succeed([{ _tag: "Refused", id: 5, message: "Unable to delete install job 5 as it is in progress." }])
    )
    expect(selectDeletions(jobs, { id: 6 })).toEqual(
      Result.succeed([{ _tag: "Refused", id: 6, message: "Unable to delete install job 6 as it is completed." }])
    )
    expect(rejection(selectDeletions(jobs, { id: 10 }))).toBe("Install job 10 does not exist.")
  })

  it("reports a selected job that a cascade took along only in that cascade", () => {
    expect(selectDeletions(jobs, { hostname: "R1" })).toEqual(Result.succeed([
      { _tag: "Deleted", id: 1, dependents: [2, 3, 4] },
      { _tag: "Refused", id: 5, message: "Unable to delete install job 5 as it is in progress." }
    ]))
    expect(selectDeletions(jobs, { status: "scheduled" })).toEqual(Result.succeed([
      { _tag: "Deleted", id: 1, dependents: [2, 3, 4] },
      { _tag: "Deleted", id: 7, dependents: [] },
      { _tag: "Deleted", id: 9, dependents: [] }
    ]))
  })

  it("combines host and status", () => {
    expect(selectDeletions(jobs, { hostname: "R2", status: "failed" })).toEqual(
      Result.succeed([{ _tag: "Deleted", id: 8, dependents: [9] }])
    )
    expect(selectDeletions(jobs, { hostname: "R2", status: "scheduled" })).toEqual(Result.succeed([
      { _tag: "Deleted", id: 7, dependents: [] },
      { _tag: "Deleted", id: 9, dependents: [] }
    ]))
    expect(selectDeletions(jobs, { hostname: "R9" })).toEqual(Result.succeed([]))
  })

  it("finds the job that causes a cascade even when it has the larger id", () => {
    // A Commit may depend on a Deactivate of the same request, which is created after it.
    const request = installJobsOf(scheduled(1, { action: "Commit", dependency: 2 }), scheduled(2, { action: "Deactivate" }))
    expect(selectDeletions(request, { hostname: "R1" })).toEqual(Result.succeed([{ _tag: "Deleted", id: 2, dependents: [1] }]))
  })

  it("needs something to select by", () => {
    expect(rejection(selectDeletions(jobs, {}))).toBe("Give an id, a hostname or a status to select the install jobs to delete.")
  })
})
