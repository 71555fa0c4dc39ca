import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { JumpHosts } from "./jump-hosts.ts"

const spec = DeciderSpecification.for(JumpHosts.decider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const entry = { connection_type: "ssh", host_or_ip: "10.0.0.1", port_number: 2222 } as const
const defined = JumpHosts.events.Defined.make({ name: "J1", entry, secrets: { password: "sealed-1" }, time, by })

describe("jump hosts", () => {
  it("defines a jump host with its sealed password", () => {
    spec.given([])
      .when({ _tag: "SaveEntry", name: "J1", changes: entry, secrets: { password: "sealed-1" }, time, by })
      .then([defined])
  })

  it("needs the connection type and the address of a new jump host", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "J1", changes: { port_number: 22 }, secrets: {}, time, by })
      .thenRejects("The following required keys, 'connection_type,host_or_ip', are missing.")
  })

  it("keeps absent keys, clears blank ones and changes the password only when given", () => {
    spec.given([defined])
      .when({ _tag: "SaveEntry", name: "J1", changes: { port_number: undefined, username: "root" }, secrets: {}, time, by })
      .then([JumpHosts.events.Updated.make({
        name: "J1",
        entry: { connection_type: "ssh", host_or_ip: "10.0.0.1", username: "root" },
        secrets: { password: "sealed-1" },
        time,
        by
      })])
  })

  it("clears the password when the row gave it blank", () => {
    spec.given([defined]).when({ _tag: "SaveEntry", name: "J1", changes: {}, secrets: { password: undefined }, time, by })
      .then([JumpHosts.events.Updated.make({ name: "J1", entry, secrets: {}, time, by })])
  })

  it("cannot delete a jump host that hosts use", () => {
    spec.given([defined]).when({ _tag: "DeleteEntry", name: "j1", usedBy: [{ kind: "host", names: ["R1"] }], time, by })
      .thenRejects(`Jump host "J1" cannot be deleted: it is used by host "R1".`)
  })

  it("cannot delete a jump host it does not know", () => {
    spec.given([]).when({ _tag: "DeleteEntry", name: "J9", usedBy: [], time, by })
      .thenRejects("Unable to locate jump host J9")
  })

  it("can define a deleted jump host again", () => {
    spec.given([defined, JumpHosts.events.Deleted.make({ name: "J1", time, by })])
      .when({ _tag: "SaveEntry", name: "J1", changes: entry, secrets: { password: "sealed-1" }, time, by })
      .then([defined])
  })
})
