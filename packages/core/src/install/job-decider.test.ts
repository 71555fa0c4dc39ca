import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { completed, deleted, failed, minute, scheduled, started } from "../testing/install-fixtures.ts"
import type { PlannedJob } from "./job-decider.ts"
import { installJobDecider } from "./job-decider.ts"

const spec = DeciderSpecification.for(installJobDecider)
const now = minute(5)
const time = "2016-06-01T00:05:00.000Z"

const job: PlannedJob = {
  id: 7,
  hostname: "R1",
  action: "Add",
  scheduledAt: minute(0),
  dependency: 6,
  serverRepository: "My Repository",
  serverDirectory: "smus",
  packages: ["asr9k-px-5.3.3.CSCuz05961.pie"],
  commandProfiles: []
}

describe("schedule", () => {
  it("records the job, leaving absent values out", () => {
    spec.given([]).when({ _tag: "ScheduleInstallJob", job, createdBy: "operator", now }).then([{
      _tag: "InstallJobScheduled",
      id: 7,
      hostname: "R1",
      install_action: "Add",
      scheduled_time: "2016-06-01T00:00:00.000Z",
      dependency: 6,
      server_repository: "My Repository",
      server_directory: "smus",
      software_packages: ["asr9k-px-5.3.3.CSCuz05961.pie"],
      command_profiles: [],
      created_by: "operator",
      time
    }])
    const commit: PlannedJob = { ...job, action: "Commit", dependency: undefined, serverRepository: undefined, serverDirectory: undefined, packages: [] }
    spec.given([]).when({ _tag: "ScheduleInstallJob", job: commit, createdBy: "operator", now }).then([{
      _tag: "InstallJobScheduled",
      id: 7,
      hostname: "R1",
      install_action: "Commit",
      scheduled_time: "2016-06-01T00:00:00.000Z",
      software_packages: [],
      command_profiles: [],
      created_by: "operator",
      time
    }])
  })

  it("refuses an id already used, even by a deleted job", () => {
    spec.given([scheduled(7)]).when({ _tag: "ScheduleInstallJob", job, createdBy: "operator", now }).thenRejects(
      "Install job 7 already exists."
    )
    spec.given([scheduled(7), deleted(7)]).when({ _tag: "ScheduleInstallJob", job, createdBy: "operator", now })
      .thenRejects("Install job 7 already exists.")
  })
})

describe("start (the claim)", () => {
  it("starts a scheduled job", () => {
    spec.given([scheduled(7)]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).then([{ _tag: "InstallJobStarted", id: 7, instance: "A", time }])
  })

  it("refuses a job that is not scheduled", () => {
    spec.given([]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).thenRejects("Install job 7 does not exist.")
    spec.given([scheduled(7), started(7)]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).thenRejects(
      "Unable to start install job 7 as it is in progress."
    )
    spec.given([scheduled(7), started(7), completed(7)]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).thenRejects(
      "Unable to start install job 7 as it is completed."
    )
    spec.given([scheduled(7), started(7), failed(7)]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).thenRejects(
      "Unable to start install job 7 as it is failed."
    )
    spec.given([scheduled(7), deleted(7)]).when({ _tag: "StartInstallJob", id: 7, instance: "A", now }).thenRejects(
      "Install job 7 does not exist."
    )
  })
})

describe("progress", () => {
  it("records a message while the job runs", () => {
    spec.given([scheduled(7), started(7)]).when({ _tag: "RecordInstallJobProgress", id: 7, statusMessage: "Adding packages", now })
      .then([{ _tag: "InstallJobProgressed", id: 7, status_message: "Adding packages", time }])
  })

  it("refuses a job that does not run", () => {
    spec.given([scheduled(7)]).when({ _tag: "RecordInstallJobProgress", id: 7, statusMessage: "x", now }).thenRejects(
      "Unable to update install job 7 as it is scheduled."
    )
    spec.given([]).when({ _tag: "RecordInstallJobProgress", id: 7, statusMessage: "x", now }).thenRejects(
      "Install job 7 does not exist."
    )
  })
})

describe("complete", () => {
  const complete = { _tag: "CompleteInstallJob", id: 7, packageChanges: ["a.pie"], warnings: ["w"], now } as const

  it("completes a running job with its package changes and warnings", () => {
    spec.given([scheduled(7), started(7)]).when(complete).then([{
      _tag: "InstallJobCompleted",
      id: 7,
      package_change_list: ["a.pie"],
      warnings: ["w"],
      time
    }])
  })

  it("refuses a job that does not run", () => {
    spec.given([scheduled(7)]).when(complete).thenRejects("Unable to complete install job 7 as it is scheduled.")
    spec.given([scheduled(7), started(7), completed(7)]).when(complete).thenRejects(
      "Unable to complete install job 7 as it is completed."
    )
  })
})

describe("fail", () => {
  const fail = { _tag: "FailInstallJob", id: 7, statusMessage: "Unable to connect.", warnings: [], now } as const

  it("fails a running job with its message", () => {
    spec.given([scheduled(7), started(7)]).when(fail).then([{
      _tag: "InstallJobFailed",
      id: 7,
      status_message: "Unable to connect.",
      warnings: [],
      time
    }])
  })

  it("refuses a job that does not run", () => {
    spec.given([scheduled(7)]).when(fail).thenRejects("Unable to fail install job 7 as it is scheduled.")
    spec.given([scheduled(7), started(7), failed(7)]).when(fail).thenRejects("Unable to fail install job 7 as it is failed.")
  })
})

describe("delete", () => {
  const remove = { _tag: "DeleteInstallJob", id: 7, cause: { _tag: "DependencyDeleted", id: 6 }, now } as const

  it("deletes scheduled and failed jobs, saying why", () => {
    const event = { _tag: "InstallJobDeleted", id: 7, cause: { _tag: "DependencyDeleted", id: 6 }, time } as const
    spec.given([scheduled(7)]).when(remove).then([event])
    spec.given([scheduled(7), started(7), failed(7)]).when(remove).then([event])
  })

  it("refuses running, completed, deleted and unknown jobs with the messages of the API", () => {
    spec.given([scheduled(7), started(7)]).when(remove).thenRejects("Unable to delete install job 7 as it is in progress.")
    spec.given([scheduled(7), started(7), completed(7)]).when(remove).thenRejects(
      "Unable to delete install job 7 as it is completed."
    )
    spec.given([scheduled(7), deleted(7)]).when(remove).thenRejects("Install job 7 does not exist.")
    spec.given([]).when(remove).thenRejects("Install job 7 does not exist.")
  })
})
