import { describe, expect, it } from "vitest"
import type { SimulatedRouterConfig } from "./config.ts"
import { exrPreset } from "./presets.ts"
import { useTestRouters } from "./testing/test-routers.ts"

const { session } = useTestRouters()
const bgp = "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345"
const iso = "asr9k-mini-x64-6.2.1"
const withInactive = (...names: ReadonlyArray<string>) => ({
  xr: { ...exrPreset.packages.xr, inactive: names },
  admin: exrPreset.packages.admin
})
const exr = (extra: Partial<SimulatedRouterConfig> = {}) => session("exr", extra)

const exrTs = /[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d/
/** DEVICE.md §6.3 / §6.5 eXR regexes. */
const opId = /Install operation (\d+)/
const background = /Install operation will continue in the background/
const reloadQuestion = /This install operation will (?:reboot|reload) the sdr, continue/
const progressOf = (id: number) => new RegExp(`The install \\w*?\\s?operation ${id} is (\\d+)% complete`)
const errorLine = /E[Rr][Rr][Oo][Rr]:?!* *(.*)/g
const exrPackageLine = /^(?:asr9k|ncs|xrv9k)/

describe("eXR install operations", () => {
  it("adds from SFTP after the password prompt, with Packages added in the log", async () => {
    const { t, run } = exr({ pollsToFinish: 1 })
    const asked = await t.command(`install add source sftp://csm@10.1.1.20/images/612 ${bgp}.x86_64.rpm`, { until: /Password: $/ })
    expect(asked).toMatch(/[Pp]assword:/)
    t.type("csm-secret")
    expect(t.output().endsWith("Password: ")).toBe(true)
    const started = await run("")
    expect(started.split("\n").slice(1, 4)).toEqual([
      expect.stringMatching(new RegExp(`^${exrTs.source} Install operation 1 started by cisco:$`)),
      `  install add source sftp://csm@10.1.1.20/images/612 ${bgp}.x86_64.rpm`,
      expect.stringMatching(new RegExp(`^${exrTs.source} Install operation will continue in the background$`))
    ])
    const mark = t.output().length
    expect(await run("show install request")).toContain("No install operation in progress")
    expect(await t.waitFor(/Install operation 1 finished successfully/, mark)).toMatch(
      new RegExp(`ios#${exrTs.source} Install operation 1 finished successfully\\r\\n`)
    )
    const log = await run("show install log 1 detail")
    expect(log).toMatch(new RegExp(`${exrTs.source} Packages added:\\n${exrTs.source} {5}${bgp}\\n`))
    const inactive = await run("show install inactive")
    expect(inactive).toContain(`1 inactive package(s) found:\n    ${bgp}\n`)
  })

  it("aborts an SFTP add with a wrong password", async () => {
    const { t, run } = exr({ pollsToFinish: 1 })
    await t.command(`install add source sftp://csm@10.1.1.20/images/612 ${bgp}.x86_64.rpm`, { until: /Password: $/ })
    await t.command("wrong")
    await run("show install request")
    const log = await run("show install log 1 detail")
    expect([...log.matchAll(errorLine)].map((m) => m[1])).toContain(`Failed to download ${bgp}.x86_64.rpm: Permission denied`)
    expect(log).toMatch(/Install operation 1 aborted/)
  })

  it("aborts a TFTP add of a missing file", async () => {
    const { run } = exr({ pollsToFinish: 1 })
    expect(await run("install add source tftp://10.1.1.10/images/612 nope.rpm")).toMatch(background)
    await run("show install request")
    expect(await run("show install log 1")).toContain("ERROR! Failed to download nope.rpm: No such file")
  })

  it("transcript C: an activate aborted by the fault, package lists unchanged", async () => {
    const { router, t, run } = exr({
      firstOperationId: 13,
      packages: withInactive(bgp),
      faults: { failOperation: { action: "activate", mode: "abort", errorLines: ["Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active"] } }
    })
    const before = router.state().packages
    await run("terminal exec prompt no-timestamp")
    const out = await run(`install activate ${bgp}`)
    const lines = out.split("\n")
    expect(lines[1]).toMatch(new RegExp(`^${exrTs.source} Install operation 13 started by cisco:$`))
    expect(lines.slice(2, 5)).toEqual([
      `  install activate pkg ${bgp}`,
      expect.stringMatching(new RegExp(`^${exrTs.source} Package list:$`)),
      expect.stringMatching(new RegExp(`^${exrTs.source} {5}${bgp}$`))
    ])
    expect(opId.exec(out)?.[1]).toBe("13")
    expect(out).toMatch(background)
    expect(progressOf(13).exec(await run("show install request"))?.[1]).toBe("10")
    await run("show install request")
    const mark = t.output().length
    expect(await run("show install request")).toContain("No install operation in progress")
    await t.waitFor(/Install operation 13 aborted/, mark)
    const log = await run("show install log 13 detail")
    expect(log).toContain("ERROR! Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active")
    expect([...log.matchAll(errorLine)].map((m) => m[1])).toEqual(["Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active"])
    expect(log).toMatch(/Install operation 13 aborted/)
    expect(router.state().packages).toEqual(before)
  })

  it("transcript B: the reload question, the drop, refused connections, BOOTING nodes, then the new release", async () => {
    const { router, t, run, login } = exr({ firstOperationId: 15, packages: withInactive(iso) })
    const modes: Array<string> = []
    const phase = (wanted: string) =>
      new Promise<void>((resolve) => {
        const stop = router.onConnectionModeChange(() => {
          modes.push(`${router.connectionMode()}/${router.state().bootPhase}`)
          if (router.state().bootPhase === wanted) {
            stop()
            resolve()
          }
        })
      })
    const asked = await t.command(`install activate ${iso}`, { until: /\[yes\/no\]:\[yes\] $/ })
    expect(reloadQuestion.test(asked)).toBe(true)
    expect(asked.replace(/\r/g, "")).toMatch(/\n\nThis install operation will reload the sdr, continue\?\n \[yes\/no\]:\[yes\] $/)
    const accepted = await run("")
    expect(accepted).toMatch(background)
    expect(progressOf(15).exec(await run("show install request"))?.[1]).toBe("10")
    await run("show install request")
    const booting = phase("booting")
    await run("show install request")
    await t.waitFor(/Install operation 15 finished successfully/)
    await t.waitClosed()
    await booting
    expect(router.connectionMode()).toBe("refuse")
    const nodesBooting = phase("nodesBooting")
    await nodesBooting
    expect(router.connectionMode()).toBe("accept")
    const again = login()
    const platform = await again.run("show platform")
    expect(platform).toContain("0/RSP0/CPU0       A9K-RSP880-SE(Active)      IOS XR RUN        NSHUT")
    expect(platform).toContain("0/RSP1/CPU0       A9K-RSP880-SE(Standby)     BOOTING           NSHUT")
    await phase("up")
    expect(await again.run("show platform")).not.toContain("BOOTING")
    expect(modes).toEqual(["refuse/booting", "accept/nodesBooting", "accept/up"])
    expect(await again.run("show install request")).toContain("No install operation in progress")
    const log = await again.run("show install log 15 detail")
    expect(log).toMatch(/Install operation 15 finished successfully/)
    expect(log).not.toMatch(/aborted/)
    const active = (await again.run("show install active")).split("\n")
    expect(active.filter((line) => exrPackageLine.test(line.trim())).map((line) => line.trim().split(" ")[0])).toContain("asr9k-xr-6.2.1")
    expect(active.filter((line) => /^Node (\S+) \[(RP|LC)\]/.test(line))).toEqual([
      "Node 0/RSP0/CPU0 [RP]",
      "Node 0/RSP1/CPU0 [RP]",
      "Node 0/0/CPU0 [LC]"
    ])
    expect(await again.run("show version")).toContain("Version 6.2.1")
    await again.run("admin")
    expect(await again.run("show install active")).toContain("asr9k-sysadmin-6.2.1 version=6.2.1 [Boot image]")
    await again.run("exit")
    expect(opId.exec(await again.run("install commit"))?.[1]).toBe("16")
  })

  it("aborts when the reload question is answered no", async () => {
    const { router, t, run } = exr({ packages: withInactive(iso) })
    await t.command(`install activate ${iso}`, { until: /\[yes\/no\]:\[yes\] $/ })
    const out = await run("no")
    expect(out).toMatch(/Install operation 1 aborted/)
    expect(router.state().packages.xr.inactive).toEqual([iso])
  })

  it("answers busy with the other operation's id", async () => {
    const { run } = exr({ faults: { operationInProgress: { id: 7 } }, packages: withInactive(bgp) })
    expect(await run(`install activate ${bgp}`)).toContain(
      "Could not start this install operation. Install operation 7 is still in progress"
    )
    expect(await run("show install request")).toContain("The install activate operation 7 is 50% complete")
    expect(opId.exec(await run("install commit"))?.[1]).toBe("7")
  })

  it("deactivates, removes and commits", async () => {
    const { router, run } = exr({ pollsToFinish: 1 })
    await run("install deactivate asr9k-mgbl-x64-2.0.0.0-r612")
    await run("show install request")
    expect(router.state().packages.xr.inactive).toEqual(["asr9k-mgbl-x64-2.0.0.0-r612"])
    expect(await run("install remove asr9k-mgbl-x64-2.0.0.0-r612")).toContain("  install remove asr9k-mgbl-x64-2.0.0.0-r612")
    await run("show install request")
    expect(await run("show install inactive")).toContain("No inactive package(s) in software repository")
    await run("install commit")
    await run("show install request")
    expect(router.state().packages.xr.committed).toEqual(["asr9k-xr-6.1.2"])
    expect(router.state().operations.map((op) => op.state)).toEqual(["completed", "completed", "completed"])
  })

  it("shows the admin VM request with a leading space, and its empty inactive list per node", async () => {
    const { run } = exr()
    await run("admin")
    expect(await run("show install request")).toContain("\n No install operation in progress\n")
    expect(await run("show install inactive")).toContain(" Node 0/RSP0 [RP]\n    Inactive Packages:\n")
  })

  it("answers Please try command later for the next n commands", async () => {
    const { router, run } = exr({ faults: { pleaseTryLater: 2 } })
    expect(await run("show install request")).toContain("Please try command later")
    expect(await run("show install request")).toContain("Please try command later")
    expect(await run("show install request")).toContain("No install operation in progress")
    router.setFaults({ pleaseTryLater: 1 })
    expect(await run("show version")).toContain("Please try command later")
  })
})

describe("an unanswered reload question", () => {
  it("is given up when the session ends, so the router is not left busy", async () => {
    const { router, t, login } = exr({ packages: withInactive(iso) })
    await t.command(`install activate ${iso}`, { until: /\[yes\/no\]:\[yes\] $/ })
    t.session.ended()
    expect(router.state().operations).toEqual([{ id: 1, action: "activate", state: "failed" }])
    expect(await login().run("show install request")).toContain("No install operation in progress")
  })
})
