import { afterEach, describe, expect, it } from "vitest"
import { makeHostMemories } from "./host-memory.ts"
import { capturesOf, runOn, startRouter, stopRouters } from "./testing/simulated-job.ts"

afterEach(stopRouters)

describe("classic XR against the simulator", () => {
  it("runs a Pre-Upgrade", async () => {
    const router = await startRouter({ flavour: "xr" })
    const run = await runOn(router, "Pre-Upgrade", { job: { commands: ["show version brief"] } })
    expect(run.outcome).toMatchObject({ _tag: "Completed", packageChanges: [], warnings: [] })
    expect([...run.files.keys()].sort()).toEqual([
      "session.log", "show-isis-neighbor-summary.txt", "show-running-config.txt", "show-version-brief.txt", "steps.log"
    ])
  })

  it("runs Pre-Upgrade, Add, Activate, Post-Upgrade with its diff, and Commit (DEVICE.md §10 A)", async () => {
    const router = await startRouter({ flavour: "xr" })
    const memories = makeHostMemories()
    const smu = "asr9k-px-5.3.3.CSCuz05961.pie"
    const repository = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images" } }
    const pre = await runOn(router, "Pre-Upgrade", { memories })
    expect(pre.outcome._tag).toBe("Completed")

    const added = await runOn(router, "Add", { memories, job: { packages: [smu], repository, server_directory: "533" } })
    expect(added.outcome).toMatchObject({
      _tag: "Completed",
      packageChanges: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"],
      warnings: [],
      packages: { inactive: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"] }
    })
    expect(added.statuses).toEqual(expect.arrayContaining(["Disk Space Check", "Install Add", "Refresh"]))

    const activated = await runOn(router, "Activate", { memories, job: { packages: [smu] } })
    expect(activated.outcome).toMatchObject({
      _tag: "Completed",
      packageChanges: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"],
      packages: { inactive: [] }
    })
    expect(activated.outcome.packages?.active).toContain("asr9k-px-5.3.3.CSCuz05961-1.0.0")

    router.model.setFaults({ isisCounts: { up: [0, 3, 0] } })
    const post = await runOn(router, "Post-Upgrade", { memories, job: { lastPreUpgrade: capturesOf(pre) } })
    expect(post.outcome).toMatchObject({
      _tag: "Completed",
      warnings: ["WARNING: [ISIS Neighbor Check] IS-IS CORE Up L2 neighbors changed from 4 to 3"]
    })
    expect(post.files.get("show-isis-neighbor-summary.txt.diff")).toBe(
      "--- pre-upgrade/show-isis-neighbor-summary.txt\n+++ post-upgrade/show-isis-neighbor-summary.txt\nchanged\n"
    )
    expect(post.files.has("show-running-config.txt.diff")).toBe(false)

    const committed = await runOn(router, "Commit", { memories })
    expect(committed.outcome).toMatchObject({ _tag: "Completed", packageChanges: [] })
    expect(committed.outcome.packages?.committed).toContain("asr9k-px-5.3.3.CSCuz05961-1.0.0")
    expect(router.model.state().packages.xr.committed).toContain("disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")
  })
})

describe("classic XR details against the simulator", () => {
  const smu = "asr9k-px-5.3.3.CSCuz05961.pie"

  it("copies with scp, typing the password, then adds from the destination", async () => {
    const router = await startRouter({ flavour: "xr" })
    const scp = {
      name: "scp",
      server_type: "SCP",
      fields: {
        server_address: "10.1.1.30", home_directory: "/images/533", username: "csm", password: "csm-secret", destination_on_host: "disk0:"
      }
    }
    const run = await runOn(router, "Add", { job: { packages: [smu], repository: scp } })
    expect(run.outcome).toMatchObject({ _tag: "Completed", packageChanges: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"] })
    expect(run.files.get("session.log")).toContain(`scp csm@10.1.1.30:/images/533/${smu} disk0:`)
    expect(run.files.get("session.log")).toContain(`admin install add source disk0: ${smu} async`)
    for (const [name, text] of run.files) expect(text, name).not.toContain("csm-secret")
  })

  it("activates a classic reload package and waits for the reboot", async () => {
    const timeScale = 0.0002
    const reloadSmu = "disk0:asr9k-px-5.3.3.CSCuy20115-1.0.0"
    const router = await startRouter({
      flavour: "xr",
      timeScale,
      packages: { xr: { active: ["disk0:asr9k-mini-px-5.3.3"], inactive: [reloadSmu], committed: ["disk0:asr9k-mini-px-5.3.3"] } }
    })
    const run = await runOn(router, "Activate", { timeScale, job: { packages: ["asr9k-px-5.3.3.CSCuy20115.pie"] } })
    expect(run.outcome).toMatchObject({ _tag: "Completed", packageChanges: ["asr9k-px-5.3.3.CSCuy20115-1.0.0"] })
    expect(run.statuses).toEqual(expect.arrayContaining(["Waiting for device boot to reconnect", "Waiting for all nodes to come up"]))
  })

  it("reconnects when the session drops during an operation, and finishes watching", async () => {
    const router = await startRouter({ flavour: "xr", progressMode: "polls", faults: { dropDuringOperation: { atPercent: 20 } } })
    const tftp = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/533" } }
    const run = await runOn(router, "Add", { job: { packages: [smu], repository: tftp } })
    expect(run.outcome).toMatchObject({ _tag: "Completed", packageChanges: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"] })
    expect(run.files.get("steps.log")).toMatch(/Operation 1: Unexpected device disconnect; reconnecting \(retry 1\)/)
  })

  it("fails the Config Filesystem Check with each output line as a warning", async () => {
    const router = await startRouter({ flavour: "xr", faults: { cfsInconsistent: true } })
    const run = await runOn(router, "Pre-Upgrade")
    expect(run.outcome).toMatchObject({ _tag: "Failed", message: "The configuration filesystem has inconsistencies" })
    expect(run.outcome.warnings.at(-1)).toBe("ERROR: [Config Filesystem Check] The configuration filesystem has inconsistencies")
    expect(run.outcome.warnings.slice(0, -1).every((line) => line.startsWith("WARNING: [Config Filesystem Check] "))).toBe(true)
  })

  it("fails the Disk Space Check when the pies do not fit", async () => {
    const router = await startRouter({ flavour: "xr", faults: { diskFree: 1000 } })
    const tftp = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/533" } }
    const run = await runOn(router, "Add", { job: { packages: [smu], repository: tftp } })
    expect(run.outcome).toMatchObject({
      _tag: "Failed",
      message: "Not enough space on disk0: to install packages. The install process can't proceed."
    })
  })
})
