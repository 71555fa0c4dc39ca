import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { EventDefinition } from "../shared/event-definition.ts"
import { CommandProfiles } from "./command-profiles.ts"
import { JumpHosts } from "./jump-hosts.ts"
import { Regions } from "./regions.ts"
import { ServerRepositories } from "./server-repositories.ts"

const time = "2016-06-01T15:15:00.000Z"
const saved = { name: "X", secrets: { password: "sealed" }, time, by: "admin" }
const samples = [
  Regions.events.Defined.make({ ...saved, secrets: {}, entry: { server_repositories: ["Repo"] } }),
  JumpHosts.events.Updated.make({ ...saved, entry: { connection_type: "ssh", host_or_ip: "10.0.0.1", port_number: 22 } }),
  ServerRepositories.events.Defined.make({ ...saved, entry: { server_type: "TFTP", tftp_server_path: "10.0.0.2/tftp" } }),
  CommandProfiles.events.Deleted.make({ name: "X", time, by: "admin" })
]
const definitions: ReadonlyArray<EventDefinition> = [
  ...Regions.definitions,
  ...JumpHosts.definitions,
  ...ServerRepositories.definitions,
  ...CommandProfiles.definitions
]

describe("directory events", () => {
  it("have one type name each", () => {
    expect(new Set(definitions.map((definition) => definition.type)).size).toBe(12)
    expect(definitions.map((definition) => definition.type)).toContain("CommandProfileDeleted")
  })

  it.each(samples)("$_tag survives JSON", (event) => {
    const { schema } = definitions.find((definition) => definition.type === event._tag)!
    const json = JSON.parse(JSON.stringify(Schema.encodeUnknownSync(schema)(event)))
    expect(Schema.decodeUnknownSync(schema)(json)).toEqual(event)
  })

  it("name their streams by kind and name key", () => {
    expect(Regions.stream("SJ Labs")).toBe("region-sj labs")
    expect(JumpHosts.stream("J1")).toBe("jump-host-j1")
    expect(ServerRepositories.stream("Repo")).toBe("server-repository-repo")
    expect(CommandProfiles.stream("Test")).toBe("custom-command-profile-test")
  })
})
