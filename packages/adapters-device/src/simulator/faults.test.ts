import { describe, expect, it } from "vitest"
import type { SimulatedRouter } from "./simulated-router.ts"
import { openTerminal } from "./sim-terminal.ts"
import { useTestRouters } from "./testing/test-routers.ts"

const { session: make } = useTestRouters()
const bootPhase = (router: SimulatedRouter, wanted: string) =>
  new Promise<void>((resolve) => {
    const stop = router.onConnectionModeChange(() => {
      if (router.state().bootPhase !== wanted) return
      stop()
      resolve()
    })
  })
const reloadSmu = "disk0:asr9k-px-5.3.3.CSCuy20115-1.0.0"
const withReloadSmu = { xr: { active: ["disk0:asr9k-mini-px-5.3.3"], inactive: [reloadSmu], committed: [] } }

describe("connection faults", () => {
  it("changes the connection mode with the knobs and tells the listeners", () => {
    const { router } = make("xr")
    const seen: Array<string> = []
    router.onConnectionModeChange(() => seen.push(router.connectionMode()))
    expect(router.connectionMode()).toBe("accept")
    router.setFaults({ refuseConnections: true })
    router.setFaults({ resetConnections: true })
    router.setFaults({ silentConnections: true })
    router.setFaults({})
    expect(seen).toEqual(["refuse", "reset", "silent", "accept"])
    expect(router.faults()).toEqual({})
  })

  it("meets connections with bootRefuseMode while booting", async () => {
    const { router, run, t } = make("xr", { packages: withReloadSmu, pollsToFinish: 1, bootRefuseMode: "reset" })
    const booting = bootPhase(router, "booting")
    await run(`admin install activate ${reloadSmu} prompt-level none async`)
    await run("admin show install request")
    await booting
    expect(t.closed()).toBe(true)
    expect(router.connectionMode()).toBe("reset")
  })
})

describe("command faults", () => {
  it("delays every answer with a global responseDelay", async () => {
    const { t } = make("xr", { faults: { responseDelay: 5 } })
    t.type("show users\r")
    expect(t.output().endsWith("show users")).toBe(true)
    expect(await t.waitFor(/vty0[\s\S]*PE1#$/)).toContain("*  vty0   cisco   ssh")
  })

  it("delays only the matching commands, and queues typed-ahead input meanwhile", async () => {
    const { t } = make("xr", { faults: { responseDelay: [{ pattern: "^show users$", seconds: 5 }] } })
    t.type("show version brief\r")
    expect(t.output()).toContain("Cisco IOS XR Software, Version 5.3.3[Default]")
    t.type("show users\rterminal len 0\r")
    expect(t.output().endsWith("show users")).toBe(true)
    const rest = await t.waitFor(/terminal len 0\r\nRP\/0\/RSP0\/CPU0:PE1#$/)
    expect(rest).toMatch(/\*  vty0[\s\S]*PE1#terminal len 0/)
  })

  it("hangs: echoes the command and never answers", () => {
    const { t } = make("xr", { faults: { hang: "show platform" } })
    t.type("admin show platform\r")
    t.type("\r")
    expect(t.output()).toBe("\r\nRP/0/RSP0/CPU0:PE1#admin show platform")
    expect(t.closed()).toBe(false)
  })

  it("drops the session right after the echo, or after part of the output", async () => {
    const { router, t, login } = make("xr", { faults: { drop: { pattern: "^show running", after: "echo" } } })
    t.type("show running-config\r")
    await t.waitClosed()
    expect(t.output().endsWith("show running-config")).toBe(true)
    router.setFaults({ drop: { pattern: "^show running", after: "partialOutput" } })
    const second = login().t
    second.type("show running-config\r")
    await second.waitClosed()
    expect(second.output()).toContain("Building configuration...")
    expect(second.output()).not.toContain("\r\nend")
    expect(second.output().endsWith("#")).toBe(false)
  })

  it("does not echo with noEcho", () => {
    const { t } = make("exr", { faults: { noEcho: true } })
    t.type("show users")
    expect(t.output()).toBe("\r\nRP/0/RSP0/CPU0:ios#")
  })
})

describe("operation faults", () => {
  it("drops the starting session at a percentage; the operation goes on (polls)", async () => {
    const { t, login } = make("xr", { faults: { dropDuringOperation: { atPercent: 20 } } })
    await t.command("admin install add source tftp://10.1.1.10/images/533 asr9k-px-5.3.3.CSCuz05961.pie async")
    await t.command("admin show install request")
    t.type("admin show install request\r")
    await t.waitClosed()
    const other = login()
    expect(await other.run("admin show install request")).toContain("There are no install requests in operation.")
    expect(await other.run("admin show install log 1 detail")).toMatch(/Install operation 1 completed successfully/)
    expect(other.t.output()).not.toMatch(/#Info: {5}The following package/)
  })

  it("drops the starting session at a percentage on the clock", async () => {
    const { router, t } = make("xr", { progressMode: "time", faults: { dropDuringOperation: { opId: 1, atPercent: 50 } } })
    await t.command("admin install add source tftp://10.1.1.10/images/533 asr9k-px-5.3.3.CSCuz05961.pie async")
    await t.waitClosed()
    const done = new Promise<void>((resolve) => {
      const check = () => (router.state().operations[0]?.state === "completed" ? resolve() : setImmediate(check))
      check()
    })
    await done
    expect(router.state().packages.xr.inactive).toEqual(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
  })

  it("prints no completion line with noCompletionLine", async () => {
    const { t, run } = make("xr", { pollsToFinish: 1, faults: { noCompletionLine: true } })
    await run("admin install add source tftp://10.1.1.10/images/533 asr9k-px-5.3.3.CSCuz05961.pie async")
    await run("admin show install request")
    expect(await run("admin show install log 1")).toMatch(/Install operation 1 completed successfully/)
    expect(t.output()).toContain("Install logs:")
    expect(t.output()).not.toMatch(/#Info: {5}The following package/)
  })

  it("announces a classic reload, reboots before the completion line with completionAfterReload, then swaps RSPs", async () => {
    const { router, t, run, login } = make("xr", {
      packages: withReloadSmu,
      pollsToFinish: 1,
      swapRspOnReload: true,
      faults: { completionAfterReload: true }
    })
    const out = await run(`admin install activate ${reloadSmu} prompt-level none async`)
    expect(out).toContain(
      [
        "Info:     This operation will reload the following nodes in parallel:",
        "Info:         0/RSP0/CPU0 (RP) (SDR: Owner)",
        "Info:         0/RSP1/CPU0 (RP) (SDR: Owner)",
        "Info:         0/0/CPU0 (LC) (SDR: Owner)",
        "Info:         0/1/CPU0 (LC) (SDR: Owner)",
        "Info:     Install Method: Parallel Reload",
        "The install operation will continue asynchronously."
      ].join("\n")
    )
    const up = bootPhase(router, "up")
    await run("admin show install request")
    await t.waitClosed()
    expect(t.output()).not.toMatch(/Install operation 1 completed/)
    await up
    const again = login()
    expect(again.t.output()).toBe("\r\nRP/0/RSP1/CPU0:PE1#")
    const log = await again.run("admin show install log 1 detail")
    expect(log).toMatch(/Install operation 1 completed successfully/)
    expect(log).toContain("    Install method: Parallel Reload")
    expect(await again.run("admin show redundancy location all")).toContain("Node 0/RSP1/CPU0 is in ACTIVE role")
    expect(await again.run("admin show install active summary")).toContain(reloadSmu)
  })

  it("stop() closes every session", async () => {
    const { router, t, login } = make("exr", { progressMode: "time" })
    const other = login().t
    router.stop()
    expect(t.closed() && other.closed()).toBe(true)
    expect(router.state().openSessions).toBe(0)
  })
})

describe("a reload seen on a console", () => {
  it("keeps the console open, silent and logged out, then says Press RETURN once logins work", async () => {
    const { router, run } = make("xr", { packages: withReloadSmu, pollsToFinish: 1, consoleLoggedIn: true })
    const console = openTerminal(router, { transport: "console", mode: "active" })
    console.type("\r")
    const booting = bootPhase(router, "booting")
    await run(`admin install activate ${reloadSmu} prompt-level none async`)
    await run("admin show install request")
    await booting
    const mark = console.output().length
    console.type("show users\r")
    expect(console.output().length).toBe(mark)
    await console.waitFor(/Press RETURN to get started\./, mark)
    expect(console.closed()).toBe(false)
    console.type("\r")
    expect(console.output().endsWith("RP/0/RSP0/CPU0:PE1#")).toBe(true)
  })
})

describe("a slow echo", () => {
  it("holds the echo once the typed text matches, then echoes and answers as usual", async () => {
    const { t } = make("xr", { faults: { responseDelay: [{ pattern: "^show u", seconds: 5, before: "echo" }] } })
    t.type("show users\r")
    expect(t.output().endsWith("PE1#show ")).toBe(true)
    const rest = await t.waitFor(/show users[\s\S]*PE1#$/)
    expect(rest).toContain("*  vty0   cisco   ssh")
  })
})
