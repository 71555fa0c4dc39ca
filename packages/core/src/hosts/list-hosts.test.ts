import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { HostDeleted, HostDiscovered, HostRegistered, HostUpdated } from "./events.ts"
import type { HostEvent } from "./events.ts"
import { listHosts } from "./list-hosts.ts"
import type { HostListQuery } from "./list-hosts.ts"
import { findHost, hostsBehindJumpHost, hostsInRegion, hostsProjection } from "./projection.ts"

const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const meta = { stream: "host-x", version: 1, recordedAt: time }
const regions = { canonical: (name: string) => ["RTP-SVS", "SJ Labs", "Empty"].find((r) => r.toLowerCase() === name.toLowerCase()) }
const facts = { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.0" }

const register = (name: string, region = "RTP-SVS", jump_host?: string) =>
  HostRegistered.make({
    name,
    entry: { region, connection_type: "telnet", ts_or_ip: ["10.122.54.101"], ...(jump_host && { jump_host }) },
    secrets: { password: "sealed" },
    time,
    by
  })

const fold = (events: ReadonlyArray<HostEvent>) => {
  const state = hostsProjection.init()
  for (const event of events) hostsProjection.apply(state, event, meta)
  return state
}

const list = (events: ReadonlyArray<HostEvent>, query: HostListQuery = {}) => {
  const result = listHosts(fold(events), query, regions)
  return Result.isSuccess(result) ? result.success : result.failure.message
}

describe("hosts read model", () => {
  const events = [
    register("r2", "SJ Labs", "Jump 1"),
    register("R1"),
    register("Gone"),
    HostUpdated.make({
      name: "R1",
      entry: { region: "RTP-SVS", roles: ["P"], connection_type: "telnet", ts_or_ip: ["10.122.54.101"], username: "cisco" },
      secrets: {},
      time,
      by
    }),
    HostDiscovered.make({ name: "R1", facts, time }),
    HostDeleted.make({ name: "Gone", time, by })
  ]

  it("shows hosts in the API's shape, ordered by hostname", () => {
    expect(list(events)).toEqual({
      host_list: [
        {
          hostname: "R1", region: "RTP-SVS", roles: "P", connection_type: "telnet", ts_or_ip: "10.122.54.101",
          port_number: "", host_username: "cisco", jump_host: "", location: "", family: "ASR9K", hardware: "ASR-9006",
          os_type: "XR", software_platform: "ASR9K", software_version: "5.3.0", created_by: "admin",
          created_time: "Wed, 01 Jun 2016 15:15:00 GMT"
        },
        {
          hostname: "r2", region: "SJ Labs", roles: "", connection_type: "telnet", ts_or_ip: "10.122.54.101",
          port_number: "", host_username: "", jump_host: "Jump 1", location: "", family: "", hardware: "",
          os_type: "", software_platform: "", software_version: "", created_by: "admin",
          created_time: "Wed, 01 Jun 2016 15:15:00 GMT"
        }
      ],
      current_page: 1,
      total_pages: 1
    })
  })

  it("filters by hostname, region and family", () => {
    const names = (query: HostListQuery) => {
      const page = list(events, query)
      return typeof page === "string" ? page : page.host_list.map((host) => host.hostname)
    }
    expect(names({ hostname: "R2" })).toEqual(["r2"])
    expect(names({ region: "sj labs" })).toEqual(["r2"])
    expect(names({ family: "asr9k" })).toEqual(["R1"])
    expect(names({ region: "SJ Labs", family: "ASR9K" })).toEqual([])
    expect(names({ region: "Empty" })).toEqual([])
    expect(names({ region: " ", family: "" })).toEqual(["R1", "r2"])
  })

  it("refuses unknown regions and hostnames, and bad pages", () => {
    expect(list(events, { region: "Nowhere" })).toBe("Unknown region 'Nowhere'.")
    expect(list(events, { hostname: "Gone" })).toBe("Unknown hostname 'Gone'.")
    expect(list(events, { page: "2" })).toBe("Unknown page number '2'.")
    for (const page of ["0", "-1", "1.5", "abc"]) {
      expect(list(events, { page })).toBe(`Page number '${page}' is not a positive integer.`)
    }
  })

  it("answers an empty list with no pages when there are no hosts", () => {
    expect(list([])).toEqual({ host_list: [], current_page: 1, total_pages: 0 })
    expect(list([], { page: "2" })).toBe("Unknown page number '2'.")
  })

  it("pages by 1000 hosts", () => {
    const many = Array.from({ length: 2001 }, (_, i) => register(`h${String(i).padStart(4, "0")}`))
    const first = list(many)
    const last = list(many, { page: "3" })
    expect(typeof first !== "string" && [first.host_list.length, first.total_pages]).toEqual([1000, 3])
    expect(typeof last !== "string" && last.host_list.map((host) => host.hostname)).toEqual(["h2000"])
    expect(list(many, { page: "4" })).toBe("Unknown page number '4'.")
  })

  it("keeps the order when hosts come and go after a query", () => {
    const state = fold([register("b"), register("c")])
    listHosts(state, {}, regions)
    hostsProjection.apply(state, register("A"), meta)
    const page = listHosts(state, {}, regions)
    expect(Result.isSuccess(page) && page.success.host_list.map((host) => host.hostname)).toEqual(["A", "b", "c"])
  })

  it("tells which hosts use a region or a jump host", () => {
    const state = fold(events)
    expect(hostsInRegion(state, "rtp-svs")).toEqual(["R1"])
    expect(hostsBehindJumpHost(state, "JUMP 1")).toEqual(["r2"])
    expect(hostsBehindJumpHost(state, "Jump 2")).toEqual([])
    expect(findHost(state, "r1")?.secrets).toEqual({})
  })
})
