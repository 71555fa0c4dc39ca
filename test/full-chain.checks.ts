import { describe, expect, it } from "vitest"
import { getOk } from "./harness/csm.ts"
import type { JobRow } from "./harness/jobs.ts"
import { instant } from "./harness/jobs.ts"
import { ROUTER_USER } from "./harness/lab.ts"
import { jobLogs, STEP_LINE } from "./harness/logs.ts"
import type { FullChainRun } from "./full-chain.scenario.ts"
import { CHAIN, HOSTS, jobOf } from "./full-chain.scenario.ts"

/** The assertions on a `runFullChains` (issue 6 items 6.1 and 6.4), registered by the test file that ran it. */

export const fullChainChecks = (run: () => FullChainRun) => {
  const SMU_NAME = "asr9k-px-5.3.3.CSCuz05961-1.0.0"

  const jobsOfHost = (hostname: string) => run().jobs.filter((row) => row.hostname === hostname)

  describe("full install chains on three simulated routers through csm-server", () => {
    it("completes every job of the three chains, without warnings", () => {
      expect(run().jobs).toHaveLength(15)
      for (const row of run().jobs) expect(row, `${row.hostname} ${row.install_action}`).toMatchObject({ status: "completed", status_message: "", warnings_or_errors: "" })
    })

    it("runs nothing of the chain scheduled for later before its time", () => {
      expect(run().laterReadAt).toBeLessThan(run().later.at.getTime())
      expect(run().laterJobsAtFirst.map((row) => [row.install_action, row.status, row.start_time])).toEqual(CHAIN.map((action) => [action, "scheduled", ""]))
      for (const row of jobsOfHost(HOSTS.jump)) {
        expect(instant(row.scheduled_time)).toBe(run().later.at.getTime())
        expect(instant(row.start_time)).toBeGreaterThanOrEqual(instant(row.scheduled_time))
      }
    })

    it("chains a request's jobs implicitly, and follows a dependency given by id or by action name", () => {
      for (const host of ["ssh", "jump"] as const) {
        expect(CHAIN.map((action) => jobOf(run(), host, action).dependency)).toEqual(["", ...CHAIN.slice(0, -1).map((action) => jobOf(run(), host, action).id)])
      }
      expect(jobOf(run(), "exr", "Pre-Upgrade").dependency).toBe("")
      expect(jobOf(run(), "exr", "Add").dependency).toBe(jobOf(run(), "exr", "Pre-Upgrade").id)
      expect(jobOf(run(), "exr", "Activate").dependency).toBe(run().exrAddId)
      expect(jobOf(run(), "exr", "Post-Upgrade").dependency).toBe(jobOf(run(), "exr", "Activate").id)
      expect(jobOf(run(), "exr", "Commit").dependency).toBe(run().exrPostUpgradeId)
      expect(jobOf(run(), "exr", "Post-Upgrade").id).toBe(run().exrPostUpgradeId)
    })

    it("starts a dependent only once its dependency has completed", () => {
      const byId = new Map(run().jobs.map((row) => [row.id, row]))
      for (const row of run().jobs.filter((row) => row.dependency !== "")) {
        const dependency = byId.get(row.dependency as number)!
        expect(instant(row.start_time), `job ${row.id} after job ${dependency.id}`).toBeGreaterThanOrEqual(instant(dependency.status_time))
      }
    })

    it("never runs two jobs of one host at once", () => {
      for (const hostname of Object.values(HOSTS)) {
        const ordered = [...jobsOfHost(hostname)].sort((a, b) => instant(a.start_time) - instant(b.start_time) || a.id - b.id)
        ordered.slice(1).forEach((row: JobRow, i) => {
          expect(instant(row.start_time), `${hostname}: job ${row.id} after job ${ordered[i]!.id}`).toBeGreaterThanOrEqual(instant(ordered[i]!.status_time))
        })
      }
    })

    it("lists the packages each job changed", () => {
      for (const host of ["ssh", "jump"] as const) {
        expect(CHAIN.map((action) => jobOf(run(), host, action).package_change_list)).toEqual(["", SMU_NAME, SMU_NAME, "", ""])
      }
      expect(CHAIN.map((action) => jobOf(run(), "exr", action).package_change_list)).toEqual([
        "",
        "asr9k-mini-x64-6.2.1",
        "asr9k-sysadmin-6.2.1,asr9k-xr-6.2.1",
        "",
        ""
      ])
    })

    it("fills each host's facts from its device, the eXR version after the reload", async () => {
      const { host_list } = (await getOk(run().server, "/api/v1/hosts")) as { host_list: ReadonlyArray<Record<string, string>> }
      const facts = (hostname: string) => {
        const host = host_list.find((row) => row["hostname"] === hostname)!
        return [host["family"], host["hardware"], host["os_type"], host["software_platform"], host["software_version"]]
      }
      expect(facts(HOSTS.ssh)).toEqual(["ASR9K", "ASR-9006", "XR", "ASR9K", "5.3.3"])
      expect(facts(HOSTS.jump)).toEqual(["ASR9K", "ASR-9006", "XR", "ASR9K", "5.3.3"])
      expect(facts(HOSTS.exr)).toEqual(["ASR9K", "ASR-9904", "eXR", "ASR9K-X64", "6.2.1"])
    })

    it("leaves the routers with the new software active and committed", () => {
      for (const router of [run().routers.ssh, run().routers.jump]) {
        expect(router.model.state().packages.xr.committed).toContain(`disk0:${SMU_NAME}`)
      }
      const exr = run().routers.exr.model.state()
      expect(exr.softwareVersion).toBe("6.2.1")
      expect(exr.packages.xr.committed).toContain("asr9k-xr-6.2.1")
      expect(exr.packages.admin.committed).toContain("asr9k-sysadmin-6.2.1")
    })
  })

  describe("the logs of the chains, file by file", () => {
    const captures = ["show-running-config.txt", "show-isis-neighbor-summary.txt"]

    const logsOf = async (host: keyof typeof HOSTS, action: string) => {
      const job = jobOf(run(), host, action)
      const logs = await jobLogs(run().server, job.id)
      expect(logs.directory).toMatch(new RegExp(`^${HOSTS[host]}-\\d{4}(?:_\\d{2}){5}-${job.id}$`))
      return logs.files
    }

    const expectSessionAndSteps = (files: ReadonlyMap<string, string>, prompt: string, steps: ReadonlyArray<string>) => {
      const session = files.get("session.log")!
      expect(session).toContain(`${prompt}show running-config`)
      expect(session).toContain(`${prompt}show isis neighbor summary`)
      expect(session).not.toContain(ROUTER_USER.password)
      expect(session).not.toContain("\r")
      const lines = files.get("steps.log")!.split("\n").filter((line) => line !== "")
      for (const line of lines) expect(line).toMatch(STEP_LINE)
      for (const step of steps) expect(lines.some((line) => line.includes(` [${step}] `)), step).toBe(true)
      expect(files.get("show-running-config.txt")).toContain("hostname ")
      expect(files.get("show-isis-neighbor-summary.txt")).toContain("IS-IS CORE neighbor summary:")
    }

    it("zips a Pre-Upgrade's transcript, step log and one file per capture", async () => {
      for (const [host, prompt] of [["ssh", "RP/0/RSP0/CPU0:PE1#"], ["exr", "RP/0/RSP0/CPU0:EXR1#"]] as const) {
        const files = await logsOf(host, "Pre-Upgrade")
        expect([...files.keys()].sort()).toEqual(["session.log", "steps.log", ...captures].sort())
        expectSessionAndSteps(files, prompt, ["Config Capture", "Node Status Check", "ISIS Neighbor Check"])
      }
    })

    it("zips no diff for a Post-Upgrade after a restart install, where no capture changed", async () => {
      const files = await logsOf("ssh", "Post-Upgrade")
      expect([...files.keys()].sort()).toEqual(["session.log", "steps.log", ...captures, "show-logging-last-500.txt"].sort())
      expectSessionAndSteps(files, "RP/0/RSP0/CPU0:PE1#", ["Config Capture", "Core Error Check", "Diff"])
      expect(files.get("steps.log")).toContain("show-running-config.txt has not changed")
    })

    it("zips the running configuration's diff for a Post-Upgrade after the reload into 6.2.1", async () => {
      const files = await logsOf("exr", "Post-Upgrade")
      expect([...files.keys()].sort()).toEqual(["session.log", "steps.log", ...captures, "show-logging-last-500.txt", "show-running-config.txt.diff"].sort())
      expectSessionAndSteps(files, "RP/0/RSP0/CPU0:EXR1#", ["Config Capture", "Core Error Check", "Diff"])
      const diff = files.get("show-running-config.txt.diff")!
      expect(diff).toContain("--- pre-upgrade/show-running-config.txt\n+++ post-upgrade/show-running-config.txt")
      expect(diff).toContain("-!! IOS XR Configuration 6.1.2\n+!! IOS XR Configuration 6.2.1")
    })

    it("show the eXR Activate waiting through the reload", async () => {
      const steps = (await jobLogs(run().server, jobOf(run(), "exr", "Activate").id)).files.get("steps.log")!
      expect(steps).toMatch(/Overall outage time: \d+ minute\(s\) \d+ second\(s\)/)
    })

    it("show, to the millisecond, one job at a time per host and each dependent after its dependency", async () => {
      const windows = new Map<number, { readonly from: number; readonly to: number }>()
      for (const row of run().jobs) {
        const times = (await jobLogs(run().server, row.id)).files.get("steps.log")!.split("\n").filter((line) => line !== "").map((line) => Date.parse(line.slice(0, line.indexOf(" "))))
        windows.set(row.id, { from: Math.min(...times), to: Math.max(...times) })
      }
      for (const hostname of Object.values(HOSTS)) {
        const ordered = jobsOfHost(hostname).map((row) => ({ id: row.id, ...windows.get(row.id)! })).sort((a, b) => a.from - b.from)
        ordered.slice(1).forEach((job, i) => expect(job.from, `${hostname}: job ${job.id} after job ${ordered[i]!.id}`).toBeGreaterThan(ordered[i]!.to))
      }
      for (const row of run().jobs.filter((row) => row.dependency !== "")) {
        expect(windows.get(row.id)!.from, `job ${row.id} after job ${row.dependency}`).toBeGreaterThan(windows.get(row.dependency as number)!.to)
      }
    })

    it("shows the telnet hop through the jump host in the transcript, and no password", async () => {
      const session = (await logsOf("jump", "Pre-Upgrade")).get("session.log")!
      expect(session).toContain("[csm@bastion ~]$ ")
      expect(session).toContain(`telnet 127.0.0.1 ${run().routers.jump.telnetPort}`)
      expect(session).toContain("RP/0/RSP0/CPU0:PE2#show running-config")
      expect(session).not.toContain(ROUTER_USER.password)
    })
  })
}
