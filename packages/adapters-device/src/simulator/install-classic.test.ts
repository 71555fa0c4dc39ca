import { describe, expect, it } from "vitest"
import type { SimulatedRouterConfig } from "./config.ts"
import { useTestRouters } from "./testing/test-routers.ts"

const { session } = useTestRouters()
const classic = (extra: Partial<SimulatedRouterConfig> = {}) => session("xr", { firstOperationId: 31, ...extra })

const smu = "asr9k-px-5.3.3.CSCuz05961.pie"
const smuName = "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"
const addCommand = `admin install add source tftp://10.1.1.10/images/533 ${smu} async`
const classicTime = /\d\d:\d\d:\d\d UTC Tue Mar 07 2017/
/** DEVICE.md §6.3 classic watch-loop regexes. */
const opId = /Install operation (\d+) '/
const accepted = /The install operation will continue asynchronously/
const progress = /The operation is (\d+)% complete/
const downloaded = /(.*)KB downloaded: Download in progress/
const idle = /There are no install requests in operation/
const installMethod = /Install [Mm]ethod: (.*)/g
const errorLine = /Error: {4}(.*)$/gm

describe("classic install operations (transcript A, progressMode polls)", () => {
  it("adds, activates and commits with increasing ids, progress and unsolicited completion lines", async () => {
    const { router, t, run } = classic()
    await run("terminal exec prompt no-timestamp")
    const freeBefore = Number((await run("show filesystem")).split("\n")[4]!.trim().split(/\s+/)[1])

    const add = await run(addCommand)
    expect(add.split("\n")[1]).toMatch(
      new RegExp(`^Install operation 31 '\\(admin\\) install add source /tftp://10.1.1.10/images/533/ ${smu}' started by user 'cisco' via CLI at ${classicTime.source}\\.$`)
    )
    expect(opId.exec(add)?.[1]).toBe("31")
    expect(accepted.test(add)).toBe(true)

    const first = await run("admin show install request")
    expect(first).toContain(add.split("\n")[1]!)
    expect(progress.exec(first)?.[1]).toBe("10")
    expect(downloaded.exec(first)?.[1]).toBe("240")
    expect(first).toContain("The operation can still be aborted (ctrl-c for options)")
    expect(progress.exec(await run("admin show install request"))?.[1]).toBe("20")
    const mark = t.output().length
    expect(idle.test(await run("admin show install request"))).toBe(true)
    const unsolicited = (await t.waitFor(/Install operation 31 completed successfully/, mark)).replace(/\r/g, "")
    expect(unsolicited).toMatch(
      /There are no install requests in operation\.\nRP\/0\/RSP0\/CPU0:PE1#Info: {5}The following package is now available to be activated:\nInfo:\nInfo: {9}disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0\nInfo:\nInstall operation 31 completed successfully at .*\.\nRP\/0\/RSP0\/CPU0:PE1#$/
    )

    const log = await run("admin show install log 31 detail")
    expect(log).not.toMatch(/Install operation 31 failed/)
    expect(log).toContain(`    (admin) install add source /tftp://10.1.1.10/images/533/ ${smu}`)
    expect(log).toContain("Install logs:")
    expect(await run("show install inactive summary")).toContain(`  Inactive Packages:\n    ${smuName}\n`)
    const freeAfter = Number((await run("show filesystem")).split("\n")[4]!.trim().split(/\s+/)[1])
    expect(freeBefore - freeAfter).toBe(2_457_600)

    const activate = await run(`admin install activate ${smuName} prompt-level none async`)
    expect(activate).toContain(`Install operation 32 '(admin) install activate ${smuName} prompt-level none' started by user 'cisco'`)
    expect(activate).toContain("Info:     Install Method: Parallel Process Restart\nThe install operation will continue asynchronously.")
    await run("admin show install request")
    await run("admin show install request")
    const done = t.output().length
    await run("admin show install request")
    const info = (await t.waitFor(/Install operation 32 completed successfully/, done)).replace(/\r/g, "")
    expect(info).toContain(
      "Info:     The changes made to software configurations will not be persistent across system reloads. Use the command '(admin) install commit' to make changes persistent."
    )
    const activateLog = await run("admin show install log 32 detail")
    expect([...activateLog.matchAll(installMethod)].map((m) => m[1])).toContain("Parallel Process Restart")
    expect(activateLog).toContain(`        Activated:    ${smuName}`)
    expect(await run("admin show install active summary")).toContain(`    ${smuName}\n`)
    expect(await run("admin show install committed summary")).not.toContain(smuName)

    const commit = await run("admin install commit")
    expect(commit.split("\n").slice(1, 4)).toEqual([
      expect.stringMatching(/^Install operation 33 '\(admin\) install commit' started by user 'cisco' via CLI at /),
      "| 100% complete: The operation can no longer be aborted (ctrl-c for options)",
      expect.stringMatching(/^Install operation 33 completed successfully at /)
    ])
    expect(commit.split("\n").at(-1)).toBe("RP/0/RSP0/CPU0:PE1#")
    expect(await run("admin show install committed summary")).toContain(`    ${smuName}\n`)
    expect(router.state().operations.map((op) => [op.id, op.state])).toEqual([
      [31, "completed"],
      [32, "completed"],
      [33, "completed"]
    ])
  })

  it("runs on the clock with a small timeScale: the completion line arrives by itself", async () => {
    const { t, run } = classic({ progressMode: "time" })
    await run(addCommand)
    await t.waitFor(/Install operation 31 completed successfully at /)
    expect(idle.test(await run("admin show install request"))).toBe(true)
    expect(await run("admin install commit")).toMatch(/Install operation 32 completed successfully/)
  })

  it("adds by id (tar files) and removes inactive packages", async () => {
    const { run } = classic({ pollsToFinish: 1 })
    await run(addCommand)
    await run("admin show install request")
    const byId = await run("admin install activate id 31 prompt-level none async")
    expect(byId).toContain(accepted.source)
    await run("admin show install request")
    expect(await run("admin show install active summary")).toContain(smuName)
    await run(`admin install deactivate ${smuName} prompt-level none async`)
    await run("admin show install request")
    const remove = await run(`admin install remove ${smuName} prompt-level none async`)
    expect(remove).toContain(`'(admin) install remove ${smuName} prompt-level none'`)
    await run("admin show install request")
    expect(await run("admin show install inactive summary")).toContain("  No Inactive Packages")
  })

  it("shows an unknown log id", async () => {
    const { run } = classic()
    expect(await run("admin show install log 99")).toContain("No log information for operation 99")
  })
})

describe("classic refusals and failures", () => {
  it("refuses an already active package with the exact lines, taking an id", async () => {
    const { run } = classic()
    const out = await run("admin install activate disk0:asr9k-mini-px-5.3.3 prompt-level none async")
    expect(out).not.toMatch(accepted)
    expect(out).toContain(
      "Error:    Cannot activate the following packages as they are already active on\nError:    the router:\nError:        disk0:asr9k-mini-px-5.3.3\nInstall operation 31 failed at "
    )
    expect(opId.exec(out)?.[1]).toBe("31")
    expect(opId.exec(await run(addCommand))?.[1]).toBe("32")
  })

  it("answers busy while another operation runs, and shows it in the request", async () => {
    const { router, run } = classic({ faults: { operationInProgress: { id: 7 } } })
    const out = await run(addCommand)
    expect([...out.matchAll(errorLine)].map((m) => m[1])).toEqual([
      "Cannot proceed with the operation as another install command is currently in operation.",
      "Suggested steps to resolve this:",
      " - re-issue the command when the current operation has completed."
    ])
    expect(out).toMatch(/Install operation 31 failed at /)
    expect(opId.exec(await run("admin show install request"))?.[1]).toBe("7")
    router.setFaults({})
    expect(idle.test(await run("admin show install request"))).toBe(true)
  })

  it("refuses an add when the code signing certificate has expired", async () => {
    const { run } = classic({ faults: { pieExpired: true } })
    const out = await run(addCommand)
    expect(out).toContain("Error:    Cannot proceed with the add operation because the code signing certificate has expired.")
    expect(out).not.toMatch(accepted)
  })

  it("fails an add of a missing file after accepting it", async () => {
    const { t, run } = classic({ pollsToFinish: 1 })
    const out = await run("admin install add source tftp://10.1.1.10/images/533/ missing.pie async")
    expect(out).toMatch(accepted)
    const mark = t.output().length
    await run("admin show install request")
    const failed = (await t.waitFor(/Install operation 31 failed at/, mark)).replace(/\r/g, "")
    expect(failed).toContain(
      "Error:    Cannot proceed with the add operation because the package file could not be found:\nError:        tftp://10.1.1.10/images/533/missing.pie"
    )
    expect(await run("admin show install log 31 detail")).toMatch(/Install operation 31 failed/)
  })

  it("fails an FTP add with wrong credentials", async () => {
    const { run } = classic({ pollsToFinish: 1 })
    await run(`admin install add source ftp://csm:bad@10.1.1.30/images/533 ${smu} async`)
    await run("admin show install request")
    expect(await run("admin show install log 31 detail")).toMatch(/Install operation 31 failed/)
    await run(`admin install add source ftp://csm:csm-secret@10.1.1.30;MGMT/images/533 ${smu} async`)
    await run("admin show install request")
    expect(await run("admin show install log 32 detail")).toMatch(/Install operation 32 completed successfully/)
  })

  it("applies failOperation: refuse before acceptance, fail after it", async () => {
    const { router, run } = classic({ pollsToFinish: 1 })
    router.setFaults({ failOperation: { action: "add", mode: "refuse", errorLines: ["Refused by the test."] } })
    const refused = await run(addCommand)
    expect(refused).toContain("Error:    Refused by the test.\nInstall operation 31 failed at ")
    expect(refused).not.toMatch(accepted)
    router.setFaults({ failOperation: { action: "add", mode: "fail", match: "CSCuz05961" } })
    expect(await run(addCommand)).toMatch(accepted)
    await run("admin show install request")
    const log = await run("admin show install log 32 detail")
    expect(log).toMatch(/Install operation 32 failed/)
    expect([...log.matchAll(errorLine)].map((m) => m[1])).toContain("Simulated failure of the install add operation.")
  })
})
