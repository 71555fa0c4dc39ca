import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { hostEventDefinitions, hostStream } from "./events.ts"

const time = "2016-06-01T15:15:00.000Z"
const samples = {
  HostRegistered: {
    _tag: "HostRegistered", name: "My Host 1", time, by: "admin", secrets: { password: "sealed" },
    entry: { region: "SJ Labs", connection_type: "ssh", ts_or_ip: ["10.0.0.1"], port_number: [22], roles: ["PE"] }
  },
  HostUpdated: {
    _tag: "HostUpdated", name: "My Host 1", time, by: "admin", secrets: {},
    entry: { region: "SJ Labs", connection_type: "telnet", ts_or_ip: ["10.0.0.1"], jump_host: "J1", location: "Lab" }
  },
  HostDeleted: { _tag: "HostDeleted", name: "My Host 1", time, by: "admin" },
  HostDiscovered: {
    _tag: "HostDiscovered", name: "My Host 1", time,
    facts: { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.0" }
  },
  HostPackagesRecorded: { _tag: "HostPackagesRecorded", name: "My Host 1", time, packages: { active: ["a"], inactive: [], committed: ["a"] } }
}

describe("host events", () => {
  it.each(hostEventDefinitions)("$type survives JSON", ({ type, schema }) => {
    const event = Schema.decodeUnknownSync(schema)(samples[type])
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(schema)(event)))
    expect(Schema.decodeUnknownSync(schema)(json)).toEqual(samples[type])
  })

  it("keeps one stream per hostname, whatever its case", () => {
    expect(hostStream("My Host 1")).toBe(hostStream("MY HOST 1"))
    expect(hostStream("My Host 1")).toBe("host-my host 1")
  })
})
