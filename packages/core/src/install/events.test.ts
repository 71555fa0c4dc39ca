import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { installEventDefinitions } from "./events.ts"

/** One stored `data` (fields without `_tag`) per event type and schema version, as JSON would hold it. */
const stored: Record<string, object> = {
  InstallJobScheduled: {
    id: 20,
    hostname: "R1",
    install_action: "Add",
    scheduled_time: "2016-06-01T15:15:00.000Z",
    dependency: 19,
    server_repository: "My Server",
    software_packages: ["asr9k-px-5.3.3.CSCuz05961.pie"],
    command_profiles: [],
    created_by: "root",
    time: "2016-06-01T15:00:00.000Z"
  },
  InstallJobStarted: { id: 20, time: "2016-06-01T15:20:00.000Z" },
  InstallJobProgressed: { id: 20, status_message: "Adding packages", time: "2016-06-01T15:21:00.000Z" },
  InstallJobCompleted: { id: 20, package_change_list: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"], warnings: [], time: "2016-06-01T15:31:12.000Z" },
  InstallJobFailed: { id: 20, status_message: "Unable to connect to the host.", warnings: ["w"], time: "2016-06-01T15:31:12.000Z" },
  InstallJobDeleted: { id: 21, cause: { _tag: "DependencyDeleted", id: 20 }, time: "2016-06-01T16:00:00.000Z" },
  InstallJobIdsReserved: { first: 20, count: 2 },
  InstallHostClaimed: { hostname: "R1", id: 20, time: "2016-06-01T15:20:00.000Z" },
  InstallLeaseRenewed: { instance: "0193a4c2-7d1e-7b3a-9f00-3c2d1e0f4a5b", time: "2016-06-01T15:20:10.000Z" }
}

describe("install events", () => {
  it.each(installEventDefinitions.map((definition) => [definition.type, definition] as const))(
    "%s decodes its stored form",
    (type, definition) => {
      const event = { _tag: type, ...stored[type] }
      expect(Schema.decodeUnknownSync(definition.schema)(event)).toEqual(event)
    }
  )

  it("InstallJobStarted also decodes with the instance that runs the job", () => {
    const started = installEventDefinitions.find((definition) => definition.type === "InstallJobStarted")!
    const event = { _tag: started.type, ...stored[started.type], instance: "0193a4c2-7d1e-7b3a-9f00-3c2d1e0f4a5b" }
    expect(Schema.decodeUnknownSync(started.schema)(event)).toEqual(event)
  })

  it("refuses a package name that could reach a router CLI as a command", () => {
    const scheduled = installEventDefinitions[0]
    const event = { _tag: scheduled.type, ...stored[scheduled.type], software_packages: ["a.pie; reload"] }
    expect(() => Schema.decodeUnknownSync(scheduled.schema)(event)).toThrow()
  })
})
