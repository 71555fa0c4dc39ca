import { describe, expect, it } from "vitest"
import { parseClassicSummary, parseExrPackages, parseInventory, withoutLocation } from "./package-state.ts"

describe("classic summaries (DEVICE.md §5)", () => {
  it("reads the packages under the header", () => {
    const output = [
      "Default Profile:",
      "  SDRs:",
      "    Owner",
      "  Active Packages:",
      "    disk0:asr9k-mini-px-5.3.3",
      "    disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0",
      ""
    ].join("\n")
    expect(parseClassicSummary(output)).toEqual(["disk0:asr9k-mini-px-5.3.3", "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
  })

  it("stops at a less indented line", () => {
    const output = "  Inactive Packages:\n    disk0:a-5.3.3\n  Other:\n    disk0:b-5.3.3"
    expect(parseClassicSummary(output)).toEqual(["disk0:a-5.3.3"])
  })

  it("reads an empty list", () => {
    expect(parseClassicSummary("Default Profile:\n  SDRs:\n    Owner\n  No Inactive Packages\n")).toEqual([])
  })

  it("splits off the location", () => {
    expect(withoutLocation("disk0:asr9k-mini-px-5.3.3")).toBe("asr9k-mini-px-5.3.3")
    expect(withoutLocation("asr9k-xr-6.1.2")).toBe("asr9k-xr-6.1.2")
  })
})

describe("eXR lists (DEVICE.md §5)", () => {
  it("reads the XR VM inactive list", () => {
    const output = [
      "2 inactive package(s) found:",
      "    asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345",
      "    asr9k-mpls-te-rsvp-x64-1.1.0.0-r612"
    ].join("\n")
    expect(parseExrPackages(output)).toEqual({
      names: ["asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345", "asr9k-mpls-te-rsvp-x64-1.1.0.0-r612"],
      nodes: []
    })
  })

  it("reads the per-node active list once", () => {
    const block = (node: string) => [
      `Node ${node} [RP]`,
      "  Boot Partition: xr_lv0",
      "  Active Packages: 2",
      "        asr9k-xr-6.1.2 version=6.1.2 [Boot image]",
      "        asr9k-mgbl-x64-2.0.0.0-r612",
      ""
    ]
    const output = [...block("0/RSP0/CPU0"), ...block("0/RSP1/CPU0")].join("\n")
    expect(parseExrPackages(output)).toEqual({
      names: ["asr9k-xr-6.1.2", "asr9k-mgbl-x64-2.0.0.0-r612"],
      nodes: ["0/RSP0/CPU0", "0/RSP1/CPU0"]
    })
  })

  it("reads the admin VM list and names its nodes as CPUs", () => {
    const output = [
      "Fri Sep  2  13:58:27.429 UTC",
      " Node 0/RSP0 [RP]",
      "    Active Packages: 1",
      "       asr9k-sysadmin-6.1.2 version=6.1.2 [Boot image]"
    ].join("\n")
    expect(parseExrPackages(output)).toEqual({ names: ["asr9k-sysadmin-6.1.2"], nodes: ["0/RSP0/CPU0"] })
  })

  it("reads empty lists", () => {
    expect(parseExrPackages("No inactive package(s) in software repository").names).toEqual([])
    expect(parseExrPackages("Fri Sep  2  13:58:27.429 UTC\n Node 0/RSP0 [RP]\n    Inactive Packages:\n").names).toEqual([])
  })
})

describe("inventory (DEVICE.md §5)", () => {
  it("reads classic NAME/DESCR and PID/VID/SN pairs", () => {
    const output = [
      'NAME: "module 0/RSP0/CPU0", DESCR: "ASR9K Route Switch Processor with 440G/slot Fabric and 6GB"',
      "PID: A9K-RSP440-TR, VID: V05, SN: FOC1234ABCD",
      "",
      'NAME: "chassis ASR-9006-AC-V2", DESCR: "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM"',
      "PID: ASR-9006-AC-V2, VID: V02, SN: FOX1612ABCD"
    ].join("\n")
    expect(parseInventory(output)).toEqual([
      {
        name: "module 0/RSP0/CPU0",
        description: "ASR9K Route Switch Processor with 440G/slot Fabric and 6GB",
        pid: "A9K-RSP440-TR",
        vid: "V05",
        serial: "FOC1234ABCD"
      },
      {
        name: "chassis ASR-9006-AC-V2",
        description: "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM",
        pid: "ASR-9006-AC-V2",
        vid: "V02",
        serial: "FOX1612ABCD"
      }
    ])
  })

  it("reads the eXR admin VM form", () => {
    const output = [
      " Name: Rack 0                Descr: ASR-9904 AC Chassis",
      " PID: ASR-9904-AC            VID: V01                   SN: FOX1739G95R"
    ].join("\n")
    expect(parseInventory(output)).toEqual([
      { name: "Rack 0", description: "ASR-9904 AC Chassis", pid: "ASR-9904-AC", vid: "V01", serial: "FOX1739G95R" }
    ])
  })
})
