import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { hostDecider } from "./decider.ts"
import { HostDeleted, HostDiscovered, HostPackagesRecorded, HostRegistered, HostUpdated } from "./events.ts"

const spec = DeciderSpecification.for(hostDecider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const entry = { region: "SJ Labs", connection_type: "telnet", ts_or_ip: ["172.28.98.2"], roles: ["PE"], username: "cisco" } as const
const registered = HostRegistered.make({ name: "My Host 1", entry, secrets: { password: "sealed-1" }, time, by })
const facts = { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.0" }
const packages = { active: ["disk0:asr9k-mini-px-5.3.3"], inactive: [], committed: ["disk0:asr9k-mini-px-5.3.3"] }

describe("hosts", () => {
  it("registers a new host", () => {
    spec.given([])
      .when({ _tag: "SaveHost", name: "My Host 1", changes: entry, secrets: { password: "sealed-1" }, time, by })
      .then([registered])
  })

  it("needs the region, connection type and addresses of a new host", () => {
    spec.given([]).when({ _tag: "SaveHost", name: "R1", changes: { connection_type: "ssh" }, secrets: {}, time, by })
      .thenRejects("The following required keys, 'region,ts_or_ip', are missing.")
  })

  it("updates a host: absent keys keep their value, blank ones are cleared", () => {
    spec.given([registered])
      .when({
        _tag: "SaveHost",
        name: "my host 1",
        changes: { ts_or_ip: ["10.0.0.1", "10.0.0.2"], roles: undefined },
        secrets: { enable_password: "sealed-2" },
        time,
        by: "netadmin"
      })
      .then([HostUpdated.make({
        name: "My Host 1",
        entry: { region: "SJ Labs", connection_type: "telnet", ts_or_ip: ["10.0.0.1", "10.0.0.2"], username: "cisco" },
        secrets: { password: "sealed-1", enable_password: "sealed-2" },
        time,
        by: "netadmin"
      })])
  })

  it("records nothing when an update changes nothing", () => {
    spec.given([registered]).when({ _tag: "SaveHost", name: "My Host 1", changes: { region: "SJ Labs" }, secrets: {}, time, by })
      .then([])
  })

  it("deletes a host", () => {
    spec.given([registered]).when({ _tag: "DeleteHost", name: "MY HOST 1", time, by })
      .then([HostDeleted.make({ name: "My Host 1", time, by })])
  })

  it("cannot delete a host it does not know", () => {
    spec.given([]).when({ _tag: "DeleteHost", name: "My Host", time, by }).thenRejects("Unable to locate host My Host")
    spec.given([registered, HostDeleted.make({ name: "My Host 1", time, by })])
      .when({ _tag: "DeleteHost", name: "My Host 1", time, by })
      .thenRejects("Unable to locate host My Host 1")
  })

  it("cannot delete a host while one of its install jobs runs", () => {
    spec.given([registered]).when({ _tag: "DeleteHost", name: "My Host 1", inProgressJob: 12, time, by })
      .thenRejects("Unable to delete host My Host 1 as install job 12 is in progress.")
  })

  it("registers a deleted host afresh", () => {
    spec.given([registered, HostDiscovered.make({ name: "My Host 1", facts, time }), HostDeleted.make({ name: "My Host 1", time, by })])
      .when({ _tag: "SaveHost", name: "My Host 1", changes: entry, secrets: { password: "sealed-1" }, time, by })
      .then([registered])
  })

  it("records what the device told, once", () => {
    spec.given([registered]).when({ _tag: "RecordHostFacts", name: "My Host 1", facts, time })
      .then([HostDiscovered.make({ name: "My Host 1", facts, time })])
    spec.given([registered, HostDiscovered.make({ name: "My Host 1", facts, time })])
      .when({ _tag: "RecordHostFacts", name: "My Host 1", facts: { ...facts }, time })
      .then([])
    spec.given([]).when({ _tag: "RecordHostFacts", name: "R9", facts, time }).thenRejects("Unable to locate host R9")
  })

  it("records the device's packages when they change", () => {
    spec.given([registered]).when({ _tag: "RecordHostPackages", name: "My Host 1", packages, time })
      .then([HostPackagesRecorded.make({ name: "My Host 1", packages, time })])
    spec.given([registered, HostPackagesRecorded.make({ name: "My Host 1", packages, time })])
      .when({ _tag: "RecordHostPackages", name: "My Host 1", packages: { ...packages, inactive: ["x"] }, time })
      .then([HostPackagesRecorded.make({ name: "My Host 1", packages: { ...packages, inactive: ["x"] }, time })])
    spec.given([registered, HostPackagesRecorded.make({ name: "My Host 1", packages, time })])
      .when({ _tag: "RecordHostPackages", name: "My Host 1", packages, time })
      .then([])
    spec.given([]).when({ _tag: "RecordHostPackages", name: "R9", packages, time }).thenRejects("Unable to locate host R9")
  })
})
