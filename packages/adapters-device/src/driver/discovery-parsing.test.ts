import { describe, expect, it } from "vitest"
import {
  chassisUdiOf,
  familyOf,
  familyOfModel,
  hardwareOf,
  isConsoleSession,
  osTypeOf,
  softwarePlatformOf,
  softwareVersionOf
} from "./discovery-parsing.ts"

const classicVersion = [
  "Cisco IOS XR Software, Version 5.3.3[Default]",
  "Copyright (c) 2016 by Cisco Systems, Inc.",
  "PE1 uptime is 3 weeks, 2 days, 1 hour, 5 minutes",
  'System image file is "disk0:asr9k-os-mbi-5.3.3/0x100305/mbiasr9k-rsp3.vm"',
  "cisco ASR9K Series (Intel 686 F6M14S4) processor with 33554432K bytes of memory.",
  "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM"
].join("\n")

const exrVersion = [
  "Cisco IOS XR Software, Version 6.1.2",
  "Copyright (c) 2013-2016 by Cisco Systems, Inc.",
  "",
  "Build Information:",
  " Built By     : ahoang",
  " Version      : 6.1.2",
  " Location     : /opt/cisco/XR/packages/",
  "",
  "cisco ASR9K () processor",
  "System uptime is 1 day, 2 hours, 3 minutes"
].join("\n")

describe("discovery parsing", () => {
  it("reads the OS type", () => {
    expect(osTypeOf(classicVersion)).toBe("XR")
    expect(osTypeOf(exrVersion)).toBe("eXR")
    expect(osTypeOf("Cisco IOS XR Admin Software, Version 6.1.2")).toBe("eXR")
    expect(osTypeOf("Cisco IOS XE Software, Version 16.3.1")).toBeUndefined()
  })

  it("reads the software version", () => {
    expect(softwareVersionOf(classicVersion)).toBe("5.3.3")
    expect(softwareVersionOf(exrVersion)).toBe("6.1.2")
  })

  it("reads the family through the longest-prefix map", () => {
    expect(familyOf(classicVersion, "XR")).toBe("ASR9K")
    expect(familyOf(exrVersion, "eXR")).toBe("ASR9K")
    expect(familyOfModel("ASR-9010")).toBe("ASR9K")
    expect(familyOfModel("NCS-5501")).toBe("NCS5500")
    expect(familyOfModel("NCS-6008")).toBe("NCS6K")
    expect(familyOfModel("12406")).toBe("XR12K")
    expect(familyOfModel("CRS-16/S")).toBe("CRS")
  })

  it("reads the chassis UDI of both layouts", () => {
    const classic = chassisUdiOf(
      'NAME: "chassis ASR-9006-AC-V2", DESCR: "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM"\nPID: ASR-9006-AC-V2, VID: V02, SN: FOX1612ABCD\n'
    )
    expect(classic).toEqual({
      name: "chassis ASR-9006-AC-V2",
      description: "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM",
      pid: "ASR-9006-AC-V2",
      vid: "V02",
      sn: "FOX1612ABCD"
    })
    const exr = chassisUdiOf(
      " Name: Rack 0                Descr: ASR-9904 AC Chassis\n PID: ASR-9904-AC            VID: V01                   SN: FOX1739G95R\n"
    )
    expect(exr).toEqual({ name: "Rack 0", description: "ASR-9904 AC Chassis", pid: "ASR-9904-AC", vid: "V01", sn: "FOX1739G95R" })
    expect(chassisUdiOf("nothing here")).toBeUndefined()
  })

  it("derives hardware and software platform", () => {
    expect(hardwareOf("ASR-9006-AC-V2", "ASR9K")).toBe("ASR-9006")
    expect(hardwareOf("ASR-9904-AC", "ASR9K")).toBe("ASR-9904")
    expect(hardwareOf("", "ASR9K")).toBe("ASR9K")
    expect(softwarePlatformOf("ASR9K", "eXR")).toBe("ASR9K-X64")
    expect(softwarePlatformOf("ASR9K", "XR")).toBe("ASR9K")
  })

  it("tells a console from a vty", () => {
    const header = "   Line            User                 Service  Conns   Idle        Location\n"
    expect(isConsoleSession(`${header}*  con0/RSP0/CPU0   cisco   hardware   0  00:00:00`)).toBe(true)
    expect(isConsoleSession(`${header}*  vty0   cisco   ssh   0  00:00:00   10.1.1.5`)).toBe(false)
    expect(isConsoleSession(`${header}   con0/RSP0/CPU0   other   hardware   0  00:00:00\n*  vty1   cisco   telnet   0  00:00:00`)).toBe(false)
  })
})
