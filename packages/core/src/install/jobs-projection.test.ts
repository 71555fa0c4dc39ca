import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { completed, deleted, failed, installJobsOf, minute, record, rejection, scheduled, started } from "../testing/install-fixtures.ts"
import { toIsoTime } from "../shared/time.ts"
import { jobRow } from "./job-row.ts"
import { queryJobs } from "./jobs-query.ts"

const ids = (jobs: Iterable<{ readonly id: number }>) => [...jobs].map((job) => job.id)

describe("the install jobs read model", () => {
  const jobs = installJobsOf(
    { _tag: "InstallJobIdsReserved", first: 1, count: 3 },
    scheduled(1, { hostname: "R1", action: "Add", at: 10 }),
    scheduled(2, { hostname: "R1", action: "Activate", at: 20, dependency: 1 }),
    scheduled(3, { hostname: "R2", action: "Add", at: 10 }),
    started(1, 10),
    { _tag: "InstallJobProgressed", id: 1, status_message: "Adding packages", time: "2016-06-01T00:11:00.000Z" },
    completed(1, 12),
    started(3, 10),
    failed(3, 13)
  )

  it("holds each job with its status, times and stream version", () => {
    expect(jobs.get(1)).toMatchObject({
      hostname: "R1",
      action: "Add",
      status: "completed",
      scheduledAt: minute(10),
      startedAt: toIsoTime(minute(10)),
      statusAt: toIsoTime(minute(12)),
      statusMessage: "",
      version: 4
    })
    expect(jobs.get(3)).toMatchObject({ status: "failed", statusMessage: "Unable to connect to the host.", version: 3 })
    expect(jobs.get(2)).toMatchObject({ status: "scheduled", dependency: 1, startedAt: undefined, version: 1 })
  })

  it("indexes jobs by host, by status and by dependency", () => {
    expect(ids(jobs.ofHost("R1"))).toEqual([1, 2])
    expect(ids(jobs.ofHost("R9"))).toEqual([])
    expect(ids(jobs.withStatus("failed"))).toEqual([3])
    expect(ids(jobs.withStatus("in-progress"))).toEqual([])
    expect([...jobs.dependentsOf(1)]).toEqual([2])
  })

  it("knows the next free id and the version to reserve it at", () => {
    expect(jobs.idSequence).toEqual({ next: 4, version: 1 })
  })

  it("forgets deleted jobs except their ids", () => {
    const later = record(installJobsOf(scheduled(1), scheduled(2, { dependency: 1 })), deleted(2))
    expect(later.get(2)).toBeUndefined()
    expect(later.wasDeleted(2)).toBe(true)
    expect(ids(later.all())).toEqual([1])
    expect(ids(later.withStatus("scheduled"))).toEqual([1])
    expect([...later.dependentsOf(1)]).toEqual([])
  })
})

describe("GET /api/v1/install", () => {
  const jobs = installJobsOf(
    scheduled(3, { hostname: "R2", action: "Add", at: 30 }),
    scheduled(1, { hostname: "R1", action: "Add", at: 10 }),
    scheduled(2, { hostname: "R1", action: "Activate", at: 20, dependency: 1 }),
    started(1, 10)
  )
  const query = (filter: Parameters<typeof queryJobs>[1]) => Result.map(queryJobs(jobs, filter), ids)

  it("combines every filter, ordering rows by id", () => {
    expect(query({})).toEqual(Result.succeed([1, 2, 3]))
    expect(query({ hostname: "R1" })).toEqual(Result.succeed([1, 2]))
    expect(query({ action: "Add" })).toEqual(Result.succeed([1, 3]))
    expect(query({ status: "scheduled" })).toEqual(Result.succeed([2, 3]))
    expect(query({ scheduledFrom: minute(20) })).toEqual(Result.succeed([2, 3]))
    expect(query({ hostname: "R1", status: "scheduled", action: "Activate", scheduledFrom: minute(20) })).toEqual(
      Result.succeed([2])
    )
    expect(query({ hostname: "R2", status: "in-progress" })).toEqual(Result.succeed([]))
  })

  it("ignores the other filters when an id is given, and refuses an unknown id", () => {
    expect(query({ id: 2, hostname: "R2" })).toEqual(Result.succeed([2]))
    expect(rejection(queryJobs(jobs, { id: 9 }))).toBe("Install job 9 does not exist.")
  })

  it("refuses more than 5000 rows", () => {
    const many = installJobsOf(...Array.from({ length: 5001 }, (_, index) => scheduled(index + 1, { at: index })))
    expect(Result.isSuccess(queryJobs(many, { scheduledFrom: minute(1) }))).toBe(true)
    expect(rejection(queryJobs(many, {}))).toBe("Too many results; please refine your request.")
  })
})

describe("an answer row", () => {
  const jobs = installJobsOf(
    scheduled(19, { hostname: "R1", action: "Add", at: 915 }),
    scheduled(20, { hostname: "R1", action: "Activate", at: 915, dependency: 19, packages: ["a.pie", "b.pie"] }),
    started(19, 920),
    failed(19, 931)
  )

  it("writes times in GMT, or in the guide's local form at an offset, and says why a job is blocked", () => {
    expect(jobRow(jobs, jobs.get(20)!, undefined)).toEqual({
      id: 20,
      install_action: "Activate",
      dependency: 19,
      server: "",
      server_directory: "",
      packages: "a.pie,b.pie",
      pending_downloads: "",
      scheduled_time: "Wed, 01 Jun 2016 15:15:00 GMT",
      start_time: "",
      status: "scheduled",
      status_time: "",
      status_message: "Blocked: dependency job 19 failed.",
      trace: "",
      created_by: "operator",
      hostname: "R1",
      custom_command_profile: "",
      package_change_list: "",
      warnings_or_errors: ""
    })
    expect(jobRow(jobs, jobs.get(19)!, -420)).toMatchObject({
      dependency: "",
      scheduled_time: "06-01-2016 08:15 AM",
      start_time: "06-01-2016 08:20 AM",
      status_time: "06-01-2016 08:31 AM",
      status: "failed",
      status_message: "Unable to connect to the host."
    })
  })
})
