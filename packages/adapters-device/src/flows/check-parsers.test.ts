import { describe, expect, it } from "vitest"
import {
  captureFileName, cfsConsistent, compareIsis, coreErrorLines, disk0Free, failedStartupLines, nodesUp, pieSize, readIsis,
  readPlatform, readRedundancy
} from "./check-parsers.ts"

describe("capture file names", () => {
  it("replaces every run of non-word characters with -", () => {
    expect(captureFileName("show running-config")).toBe("show-running-config.txt")
    expect(captureFileName("show logging last 500")).toBe("show-logging-last-500.txt")
    expect(captureFileName("show ipv4 int | i Gig")).toBe("show-ipv4-int-i-Gig.txt")
  })
})

describe("cfs check", () => {
  const ok = [
    "Creating any missing directories in Configuration File system...OK",
    "Initializing Configuration Version Manager...OK",
    "Syncing commit database with running configuration...OK"
  ]
  it("passes with three OK lines", () => expect(cfsConsistent(ok.join("\n"))).toBe(true))
  it("fails with fewer", () => expect(cfsConsistent([...ok.slice(0, 2), "Syncing ... FAILED"].join("\n"))).toBe(false))
})

describe("show platform", () => {
  const classic = [
    "Node            Type                      State            Config State",
    "-----------------------------------------------------------------------------",
    "0/RSP0/CPU0     A9K-RSP440-SE(Active)     IOS XR RUN       PWR,NSHUT,MON",
    "0/RSP1/CPU0     A9K-RSP440-SE(Standby)    IOS XR RUN       PWR,NSHUT,MON",
    "0/FT0/SP        ASR-9006-FAN              READY"
  ]
  const exr = [
    "Node              Type                       State             Config state",
    "--------------------------------------------------------------------------------",
    "0/RSP0/CPU0       A9K-RSP880-SE(Active)      IOS XR RUN        NSHUT",
    "0/RSP1/CPU0       A9K-RSP880-SE(Standby)     BOOTING           NSHUT",
    "0/FT0             ASR-9904-FAN               OPERATIONAL       NSHUT"
  ]

  it("reads states by the header's column offsets", () => {
    expect(readPlatform(classic.join("\n"), "XR")).toEqual({
      _tag: "Nodes",
      nodes: [
        { node: "0/RSP0/CPU0", state: "IOS XR RUN" },
        { node: "0/RSP1/CPU0", state: "IOS XR RUN" },
        { node: "0/FT0/SP", state: "READY" }
      ],
      invalid: []
    })
    expect(nodesUp(classic.join("\n"), "XR")).toBe(true)
  })

  it("finds a CPU node in a state that is not valid", () => {
    const reading = readPlatform(exr.join("\n"), "eXR")
    expect(reading._tag === "Nodes" && reading.invalid).toEqual([{ node: "0/RSP1/CPU0", state: "BOOTING" }])
    expect(nodesUp(exr.join("\n"), "eXR")).toBe(false)
    expect(nodesUp(exr.join("\n").replace("BOOTING   ", "IOS XR RUN"), "eXR")).toBe(true)
  })

  it("refuses output without the expected header", () => {
    expect(readPlatform("Node  Type  Status\n0/RSP0/CPU0  x  y", "XR")).toEqual({ _tag: "Unexpected" })
  })
})

describe("show redundancy", () => {
  const ready = [
    "Redundancy information for node 0/RSP0/CPU0:",
    "==========================================",
    "Node 0/RSP0/CPU0 is in ACTIVE role",
    "Partner node (0/RSP1/CPU0) is in STANDBY role",
    "Standby node in 0/RSP1/CPU0 is ready",
    "Standby node in 0/RSP1/CPU0 is NSR-ready"
  ]
  it("passes when the standby is ready", () => expect(readRedundancy(ready.join("\n"))).toBe("ready"))
  it("fails when it is not", () => {
    expect(readRedundancy([...ready.slice(0, 4), "Standby node in 0/RSP1/CPU0 is not ready"].join("\n"))).toBe("not ready")
  })
  it("passes without a standby", () => {
    expect(readRedundancy([...ready.slice(0, 3), "Partner node (0/RSP1/CPU0) is in UNKNOWN role"].join("\n"))).toBe("ready")
  })
  it("needs four lines", () => expect(readRedundancy(ready.slice(0, 3).join("\n"))).toBe("insufficient"))
})

describe("ISIS neighbors", () => {
  const summary = (up: number) =>
    [
      "IS-IS CORE neighbor summary:",
      "State         L1       L2     L1L2",
      `Up             0        ${up}        0`,
      "Init           0        0        0",
      "Failed         0        0        0"
    ].join("\n")

  it("reads the counts per instance", () => {
    expect(readIsis(summary(4))).toEqual({ CORE: { Up: [0, 4, 0], Init: [0, 0, 0], Failed: [0, 0, 0] } })
    expect(readIsis("")).toEqual({})
  })

  it("warns about changed counts and missing instances", () => {
    expect(compareIsis(readIsis(summary(4)), readIsis(summary(4)))).toEqual([])
    expect(compareIsis(readIsis(summary(4)), readIsis(summary(3)))).toEqual(["IS-IS CORE Up L2 neighbors changed from 4 to 3"])
    expect(compareIsis(readIsis(summary(4)), {})).toEqual(["IS-IS instance CORE is missing after the upgrade"])
  })
})

describe("logging, failed startup config, disk space", () => {
  it("turns error, core and traceback lines into warnings", () => {
    const log = [
      "RP/0/RSP0/CPU0:Mar  7 10:21:30.123 : instdir[254]: %INSTALL-INSTMGR-6-INSTALL_OPERATION_COMPLETED_SUCCESSFULLY : done",
      "RP/0/RSP0/CPU0:Mar  7 10:22:00.000 : bgp[1052]: %ROUTING-BGP-3-ERROR : session down",
      "RP/0/RSP0/CPU0:Mar  7 10:22:01.000 : dumper[59]: Core for pid = 4242 (bgp) dumped"
    ].join("\n")
    expect(coreErrorLines(log)).toEqual([
      "RP/0/RSP0/CPU0:Mar  7 10:22:00.000 : bgp[1052]: %ROUTING-BGP-3-ERROR : session down",
      "RP/0/RSP0/CPU0:Mar  7 10:22:01.000 : dumper[59]: Core for pid = 4242 (bgp) dumped"
    ])
  })

  it("reports failed startup configuration from 5 lines on", () => {
    const line = "!! SYNTAX/AUTHORIZATION ERRORS: This configuration failed due to"
    expect(failedStartupLines("")).toEqual([])
    expect(failedStartupLines(Array(4).fill(line).join("\n"))).toEqual([])
    expect(failedStartupLines(Array(6).fill(line).join("\n"))).toHaveLength(6)
  })

  it("reads the free space of disk0:", () => {
    const output = [
      "File Systems:",
      "",
      "     Size(b)     Free(b)        Type  Flags  Prefixes",
      "  12101599232  7567057920  flash-disk     rw  disk0:",
      "      2097152     2031616       nvram     rw  nvram:"
    ].join("\n")
    expect(disk0Free(output)).toBe(7567057920)
    expect(disk0Free(output.replace("disk0:", "harddisk:"))).toBeUndefined()
  })

  it("reads the size of a pie, or its error", () => {
    const info = [
      "Contents of pie file '/tftp://10.1.1.10/images/533/asr9k-px-5.3.3.CSCuz05961.pie':",
      "    Expiry date       : Jan 19, 2021 02:55:56 UTC",
      "    Uncompressed size : 1234567",
      "    Compressed size   : 234567",
      "",
      "    disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"
    ].join("\n")
    expect(pieSize(info)).toEqual({ _tag: "Size", bytes: 1234567 })
    const missing = "Error:    Cannot read the pie file 'x.pie': No such file or directory"
    expect(pieSize(missing)).toEqual({ _tag: "Error", text: missing })
    expect(pieSize("nothing")).toEqual({ _tag: "Unknown" })
  })
})
