import { describe, expect, it } from "vitest"
import type { SimulatedRouterConfig } from "../config.ts"
import { openTerminal } from "../sim-terminal.ts"
import { useTestRouters } from "../testing/test-routers.ts"

const routers = useTestRouters()
const session = (flavour: "xr" | "exr", extra: Partial<SimulatedRouterConfig> = {}) => {
  const { router, t, run: output } = routers.session(flavour, extra)
  /** The output as the driver's send() returns it: echo line, timestamp line and prompt dropped. */
  const run = async (command: string): Promise<string> => {
    const lines = (await output(command)).split("\n").slice(1, -1)
    return (timestampLine.test(lines[0] ?? "") ? lines.slice(1) : lines).join("\n")
  }
  return { router, t, run }
}

const timestampLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d\.\d{3} \w+$/
const invalid = /% Invalid input detected at '\^' marker\.|% Incomplete command\.|% Ambiguous command:/
const versionRegex = /Version (.*?)(?:\[| |$)/m
const pidRegex = /([A-Z]{1,3}[- ]?[0-9]{2,4}|XRV)/
const validStates = ["IOS XR RUN", "PRESENT", "READY", "FAILED", "OK", "DISABLED", "UNPOWERED", "ADMIN DOWN", "PWD", "NOT ALLOW ONLIN", "POWERED_OFF", "SW_INACTIVE", "OPERATIONAL"]

/** DEVICE.md §6.2 Node Status Check: column offsets from the header; CPU nodes must be valid. */
const platformVerdict = (output: string): "valid" | "invalid" | "unexpected" => {
  const lines = output.split("\n")
  const header = lines.find((line) => line.toLowerCase().includes("config state"))
  if (header === undefined || !["node", "type", "state"].every((word) => header.toLowerCase().includes(word))) return "unexpected"
  const lower = header.toLowerCase()
  const stateAt = lower.indexOf("state")
  const configAt = lower.indexOf("config state")
  const rows = lines.filter((line) => /^\d/.test(line) && /^\S+CPU\d+/.test(line))
  return rows.every((row) => validStates.includes(row.slice(stateAt, configAt).trim())) ? "valid" : "invalid"
}

/** DEVICE.md §2.5 chassis UDI: the first line with `name` + chassis/rack, and the line after it. */
const udi = (output: string) => {
  const lines = output.split("\n")
  const at = lines.findIndex((line) => /name/i.test(line) && /chassis|rack/i.test(line))
  const text = `${lines[at]} ${lines[at + 1]}`
  return {
    pid: /PID:\s*(\S+?),?\s/i.exec(`${text} `)?.[1],
    sn: /SN:\s*(\S+)/i.exec(text)?.[1],
    name: /NAME:\s*"?([^",]+?)"?(?:,|\s{2,})/i.exec(text)?.[1]
  }
}

describe("discovery commands", () => {
  it("classic show version brief gives XR, 5.3.3, ASR9K", async () => {
    const { run } = session("xr")
    const out = await run("show version brief")
    expect(out.split("\n")[0]).toBe("Cisco IOS XR Software, Version 5.3.3[Default]")
    expect(/(XR|XE|NX-OS)/.exec(out)?.[1]).toBe("XR")
    expect(out).not.toContain("Build Information")
    expect(versionRegex.exec(out)?.[1]).toBe("5.3.3")
    expect(/^(?:  )?cisco (?:IOS )?(.*?) /m.exec(out)?.[1]).toBe("ASR9K")
    expect(out).toMatch(/^PE1 uptime is 3 days, 4 hours, \d+ minutes$/m)
    expect(out).toContain('System image file is "disk0:asr9k-os-mbi-5.3.3/0x100305/mbiasr9k-rsp3.vm"')
    expect(out.split("\n").at(-1)).toBe("ASR 9006 4 Line Card Slot Chassis with V2 AC PEM")
  })

  it("eXR answers show version brief with a syntax error, and show version with Build Information", async () => {
    const { t, run } = session("exr")
    const brief = await t.command("show version brief")
    expect(invalid.test(brief)).toBe(true)
    expect(brief.split("\r\n")[1]!.indexOf("^")).toBe("RP/0/RSP0/CPU0:ios#show version ".length)
    const out = await run("show version")
    expect(out).toContain("Build Information:")
    expect(out).toContain(" Version      : 6.1.2")
    expect(versionRegex.exec(out)?.[1]).toBe("6.1.2")
    expect(/^cisco (.*?) \(/m.exec(out)?.[1]).toBe("ASR9K")
  })

  it("reads the chassis UDI on classic and on the eXR admin VM", async () => {
    const classic = udi(await session("xr").run("admin show inventory chassis"))
    expect(classic).toEqual({ pid: "ASR-9006-AC-V2", sn: "FOX1612ABCD", name: "chassis ASR-9006-AC-V2" })
    expect(pidRegex.exec(classic.pid!)?.[1]).toBe("ASR-9006")
    const exr = session("exr")
    await exr.run("admin")
    const out = await exr.run("show inventory chassis")
    expect(out.split("\n")).toEqual([
      " Name: Rack 0                Descr: ASR-9904 AC Chassis",
      " PID: ASR-9904-AC            VID: V01                   SN: FOX1739G95R"
    ])
    expect(pidRegex.exec(udi(out).pid!)?.[1]).toBe("ASR-9904")
  })

  it("lists every module in the full inventory, NAME lines followed by PID lines", async () => {
    const out = await session("xr").run("admin show inventory")
    const blocks = out.split("\n\n").map((block) => block.split("\n"))
    expect(blocks).toHaveLength(5)
    expect(blocks[1]).toEqual([
      'NAME: "module 0/RSP0/CPU0", DESCR: "ASR9K Route Switch Processor with 440G/slot Fabric and 12GB"',
      "PID: A9K-RSP440-SE, VID: V05, SN: FOC1710N1AB"
    ])
  })

  it("shows the users with the current session starred", async () => {
    const { router, run } = session("exr")
    openTerminal(router, { transport: "telnet" }).type("cisco\rcisco\r")
    const out = await run("show users")
    expect(out).toContain("*  vty0   cisco   ssh   0  00:00:00   10.1.1.5")
    expect(out).toContain("   vty1   cisco   telnet   0  00:00:00   10.1.1.5")
  })
})

describe("check commands", () => {
  it("prints show platform with the classic columns 0/16/42/59", async () => {
    const out = await session("xr").run("admin show platform")
    const [header, dashes, first] = out.split("\n")
    expect(header).toBe("Node            Type                      State            Config State")
    expect([header!.indexOf("Type"), header!.indexOf("State"), header!.indexOf("Config State")]).toEqual([16, 42, 59])
    expect(dashes).toMatch(/^-+$/)
    expect(first).toBe("0/RSP0/CPU0     A9K-RSP440-SE(Active)     IOS XR RUN       PWR,NSHUT,MON")
    expect(platformVerdict(out)).toBe("valid")
  })

  it("prints the eXR platform with fans and power modules OPERATIONAL", async () => {
    const { router, run } = session("exr")
    const out = await run("show platform")
    expect(out.split("\n")[0]).toBe("Node              Type                       State             Config state")
    expect(out).toContain("0/RSP0/CPU0       A9K-RSP880-SE(Active)      IOS XR RUN        NSHUT")
    expect(out).toContain("0/FT0             ASR-9904-FAN               OPERATIONAL       NSHUT")
    expect(platformVerdict(out)).toBe("valid")
    router.setFaults({ nodeStates: { "0/0/CPU0": "IN-RESET" } })
    expect(platformVerdict(await run("show platform"))).toBe("invalid")
  })

  it("passes and fails the redundancy check", async () => {
    const { router, run } = session("xr")
    const ok = (await run("admin show redundancy location all")).split("\n").filter((line) => line.trim() !== "")
    expect(ok.length).toBeGreaterThanOrEqual(4)
    const standby = ok.slice(0, 5).findIndex((line) => line.includes("is in STANDBY role"))
    expect(ok[standby + 1]).toContain("is ready")
    router.setFaults({ standbyNotReady: true })
    const bad = (await run("admin show redundancy location all")).split("\n")
    expect(bad[bad.findIndex((line) => line.includes("is in STANDBY role")) + 1]).not.toContain("is ready")
  })

  it("passes cfs check with 3 OK lines, and fails it when inconsistent", async () => {
    const { router, run } = session("exr")
    expect((await run("cfs check")).split("\n").filter((line) => line.includes("OK"))).toHaveLength(3)
    router.setFaults({ cfsInconsistent: true })
    expect((await run("cfs check")).split("\n").filter((line) => line.includes("OK")).length).toBeLessThan(3)
  })

  it("prints the IS-IS summary, the injected counts, or a syntax error without IS-IS", async () => {
    const { router, t, run } = session("xr")
    const out = await run("show isis neighbor summary")
    expect(/IS-IS (.*) neighbor summary:/.exec(out)?.[1]).toBe("CORE")
    expect(out).toContain("Up             0        4        0")
    router.setFaults({ isisCounts: { up: [0, 3, 0] } })
    expect(await run("show isis neighbor summary")).toContain("Up             0        3        0")
    router.setFaults({ isisCounts: { instance: null } })
    const missing = await t.command("show isis neighbor summary")
    expect(invalid.test(missing)).toBe(true)
    expect(missing.split("\r\n")[1]!.indexOf("^")).toBe("RP/0/RSP0/CPU0:PE1#show ".length)
  })

  it("shows error lines in the log only when injected", async () => {
    const { router, run } = session("xr")
    const coreError = /^.*(?:[Ee][Rr][Rr][Oo][Rr]|Core for pid|Traceback).*$/m
    expect(coreError.test(await run("show logging last 500"))).toBe(false)
    router.setFaults({ logErrorLines: ["RP/0/RSP0/CPU0:Mar  7 10:30:00.000 : bgp[1052]: %ROUTING-BGP-3-ERROR : session reset"] })
    expect(coreError.exec(await run("show logging last 500"))?.[0]).toContain("%ROUTING-BGP-3-ERROR")
  })

  it("prints failed startup configuration only when injected", async () => {
    const { router, run } = session("xr")
    expect(await run("show configuration failed startup")).toBe("")
    router.setFaults({ failedStartupConfig: true })
    const out = await run("show configuration failed startup")
    expect(out.split("\n").filter((line) => line.trim() !== "").length).toBeGreaterThanOrEqual(5)
    expect(out).toMatch(/^!! SYNTAX\/AUTHORIZATION ERRORS: This configuration failed due to/)
  })

  it("prints the running configuration with the hostname", async () => {
    const out = await session("xr").run("show running-config")
    expect(out.split("\n").slice(0, 2)).toEqual(["Building configuration...", "!! IOS XR Configuration 5.3.3"])
    expect(out).toContain("hostname PE1")
    expect(out.split("\n").at(-1)).toBe("end")
  })

  it("answers the injected syntax errors", async () => {
    const { router, t } = session("exr")
    router.setFaults({ syntaxError: ["^cfs check$"] })
    expect(invalid.test(await t.command("cfs check"))).toBe(true)
  })

  it("prints pie-info with the size, the internal name and a masked password", async () => {
    const { run } = session("xr")
    const out = await run("admin show install pie-info ftp://csm:csm-secret@10.1.1.30;MGMT/images/533/asr9k-px-5.3.3.CSCuz05961.pie")
    expect(out.split("\n")[0]).toBe(
      "Contents of pie file '/ftp://csm:*****@10.1.1.30;MGMT/images/533/asr9k-px-5.3.3.CSCuz05961.pie':"
    )
    expect(/Uncompressed size : (\d+)/.exec(out)?.[1]).toBe("2457600")
    expect(out).toContain("    disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")
    expect(await run("admin show install pie-info tftp://10.1.1.10/images/533/nope.pie")).toBe(
      "Error:    Cannot read the pie file 'nope.pie': No such file or directory"
    )
  })

  it("prints the filesystem with the configured free space", async () => {
    const { router, run } = session("xr")
    const out = await run("show filesystem")
    expect(out.split("\n")[2]).toMatch(/Prefixes$/)
    expect(out).toContain("  12101599232  7567057920  flash-disk     rw  disk0:")
    router.setFaults({ diskFree: 1000 })
    expect((await run("show filesystem")).split("\n")[3]!.trim().split(/\s+/)[1]).toBe("1000")
  })

  it("copies a file with scp and adds it from disk0:", async () => {
    const { t, run } = session("xr")
    const asked = await t.command("scp csm@10.1.1.30:/images/533/asr9k-px-5.3.3.CSCuz05961.pie disk0:", { until: /Password: $/ })
    expect(asked).toBe("\r\nPassword: ")
    t.type("csm-secret")
    expect(t.output().endsWith("Password: ")).toBe(true)
    expect(await t.command("")).toContain("Transferred 2457600 bytes")
    await t.command("scp csm@10.1.1.30:/images/533/asr9k-px-5.3.3.CSCuz05961.pie disk0:", { until: /Password: $/ })
    expect(await t.command("wrong")).toContain("\r\nPermission denied\r\n")
    await t.command("scp csm@10.1.1.30:/images/533/missing.pie disk0:", { until: /Password: $/ })
    expect(await t.command("csm-secret")).toContain("scp: /images/533/missing.pie: No such file or directory")
    const add = await run("admin install add source disk0: asr9k-px-5.3.3.CSCuz05961.pie async")
    expect(add).toContain("The install operation will continue asynchronously.")
  })
})

describe("package lists parse by the rules of DEVICE.md §5", () => {
  const classicHeader = /^\s*(Active|Inactive|Committed) Packages:\s*$/
  const indent = (line: string) => line.length - line.trimStart().length
  const classicNames = (output: string): ReadonlyArray<string> => {
    const lines = output.split("\n")
    const start = lines.findIndex((line) => classicHeader.test(line))
    if (start < 0) return []
    const names: Array<string> = []
    for (const line of lines.slice(start + 1)) {
      if (line.trim() === "" || indent(line) < 4) break
      names.push(line.trim())
    }
    return names
  }
  const exrNames = (output: string): ReadonlyArray<string> => [
    ...new Set(
      output
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^(?:asr9k|ncs|xrv9k)/.test(line))
        .map((line) => line.split(" ")[0]!)
    )
  ]

  it("classic summaries give the device's lists, and an empty list no header", async () => {
    const { router, run } = session("xr")
    expect(classicNames(await run("admin show install active summary"))).toEqual(router.state().packages.xr.active)
    expect(classicNames(await run("show install committed summary"))).toEqual(router.state().packages.xr.committed)
    const inactive = await run("admin show install inactive summary")
    expect(inactive.split("\n")).toEqual(["Default Profile:", "  SDRs:", "    Owner", "  No Inactive Packages"])
    expect(classicNames(inactive)).toEqual([])
  })

  it("eXR lists merge the XR VM and the admin VM", async () => {
    const { router, run } = session("exr")
    const xr = exrNames(await run("show install active"))
    await run("admin")
    const admin = exrNames(await run("show install active"))
    const adminNodes = (await run("show install committed"))
      .split("\n")
      .flatMap((line) => /^Node (\S+) \[(RP|LC)\]/.exec(line.trim())?.[1] ?? [])
    expect(adminNodes).toEqual(["0/RSP0", "0/RSP1", "0/0"])
    expect([...xr, ...admin]).toEqual([...router.state().packages.xr.active, ...router.state().packages.admin.active])
    await run("exit")
    expect(await run("show install inactive")).toBe("No inactive package(s) in software repository")
    expect(await run("show install committed")).toContain("  Committed Packages: 2")
  })
})
