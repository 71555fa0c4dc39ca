import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { JumpHosts } from "./jump-hosts.ts"
import { findEntry, listEntries, nameLookup } from "./projection.ts"

const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const meta = { stream: "jump-host-x", version: 1, recordedAt: time }
const entry = { connection_type: "ssh", host_or_ip: "10.0.0.1" } as const

const fold = (...events: ReadonlyArray<Parameters<typeof JumpHosts.projection.apply>[1]>) => {
  const state = JumpHosts.projection.init()
  for (const event of events) JumpHosts.projection.apply(state, event, meta)
  return state
}

describe("directory read model", () => {
  const state = fold(
    JumpHosts.events.Defined.make({ name: "b2", entry, secrets: { password: "sealed" }, time, by }),
    JumpHosts.events.Defined.make({ name: "A1", entry, secrets: {}, time, by }),
    JumpHosts.events.Defined.make({ name: "Gone", entry, secrets: {}, time, by }),
    JumpHosts.events.Updated.make({ name: "A1", entry: { ...entry, port_number: 22 }, secrets: {}, time, by }),
    JumpHosts.events.Deleted.make({ name: "Gone", time, by })
  )

  it("lists rows by name, with password_set instead of the password", () => {
    expect(listEntries(JumpHosts, state)).toEqual(Result.succeed([
      { hostname: "A1", connection_type: "ssh", host_or_ip: "10.0.0.1", port_number: 22 },
      { hostname: "b2", connection_type: "ssh", host_or_ip: "10.0.0.1", password_set: true }
    ]))
  })

  it("filters by name, case-insensitively, and refuses an unknown one", () => {
    expect(listEntries(JumpHosts, state, "B2")).toEqual(Result.succeed([
      { hostname: "b2", connection_type: "ssh", host_or_ip: "10.0.0.1", password_set: true }
    ]))
    const unknown = listEntries(JumpHosts, state, "Gone")
    expect(Result.isFailure(unknown) && unknown.failure.message).toBe("Unknown jump host 'Gone'.")
  })

  it("keeps the sealed password for the application", () => {
    expect(findEntry(state, "B2")?.secrets).toEqual({ password: "sealed" })
  })

  it("spells names as stored", () => {
    expect(nameLookup(state).canonical("a1")).toBe("A1")
    expect(nameLookup(state).canonical("gone")).toBeUndefined()
  })
})
