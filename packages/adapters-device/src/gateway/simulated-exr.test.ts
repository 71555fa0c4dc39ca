import { afterEach, describe, expect, it } from "vitest"
import { makeHostMemories } from "./host-memory.ts"
import { capturesOf, runOn, startRouter, stopRouters } from "./testing/simulated-job.ts"

afterEach(stopRouters)

describe("eXR against the simulator", () => {
  const rpm = "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm"
  const internal = "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345"
  const sftp = {
    name: "sftp",
    server_type: "SFTP",
    fields: { server_address: "10.1.1.20", home_directory: "images", username: "csm", password: "csm-secret" }
  }

  it("runs Pre-Upgrade, Add over SFTP with a typed password, Activate, Deactivate, Remove, Commit and Post-Upgrade over SSH", async () => {
    const router = await startRouter({ flavour: "exr" })
    const memories = makeHostMemories()
    const options = { memories, transport: "ssh" } as const
    const pre = await runOn(router, "Pre-Upgrade", options)
    expect(pre.outcome).toMatchObject({ _tag: "Completed", warnings: [] })

    const added = await runOn(router, "Add", { ...options, job: { packages: [rpm], repository: sftp, server_directory: "612" } })
    expect(added.outcome).toMatchObject({ _tag: "Completed", packageChanges: [internal], packages: { inactive: [internal] } })
    for (const [name, text] of added.files) expect(text, name).not.toContain("csm-secret")
    expect(added.files.get("session.log")).toContain("install add source sftp://csm@10.1.1.20/images/612 " + rpm)

    const activated = await runOn(router, "Activate", { ...options, job: { packages: [rpm] } })
    expect(activated.outcome).toMatchObject({ _tag: "Completed", packageChanges: [internal] })

    const deactivated = await runOn(router, "Deactivate", { ...options, job: { packages: [rpm] } })
    expect(deactivated.outcome).toMatchObject({ _tag: "Completed", packageChanges: [internal] })

    const removed = await runOn(router, "Remove", { ...options, job: { packages: [rpm] } })
    expect(removed.outcome).toMatchObject({ _tag: "Completed", packageChanges: [internal], packages: { inactive: [] } })

    const again = await runOn(router, "Remove", { ...options, job: { packages: [rpm] } })
    expect(again.outcome).toMatchObject({
      _tag: "Completed",
      warnings: ["WARNING: [Install Remove] Packages already removed. Nothing to be removed"]
    })

    const committed = await runOn(router, "Commit", options)
    expect(committed.outcome).toMatchObject({ _tag: "Completed" })
    expect(committed.outcome.facts).toMatchObject({ os_type: "eXR", software_platform: "ASR9K-X64", software_version: "6.1.2" })

    const post = await runOn(router, "Post-Upgrade", { ...options, job: { lastPreUpgrade: capturesOf(pre) } })
    expect(post.outcome).toMatchObject({ _tag: "Completed", warnings: [] })
    expect(post.files.get("steps.log")).toContain("show-running-config.txt has not changed")
  })

  it("resends eXR commands answered with 'Please try command later'", async () => {
    const router = await startRouter({ flavour: "exr" })
    const onStatus = (message: string) => {
      if (message === "Install Commit") router.model.setFaults({ pleaseTryLater: 2 })
    }
    const run = await runOn(router, "Commit", { transport: "ssh", onStatus })
    expect(run.outcome).toMatchObject({ _tag: "Completed" })
    expect(run.files.get("steps.log")?.match(/The device said 'Please try command later': trying again/g)).toHaveLength(2)
  })
})

describe("an eXR reload against the simulator (DEVICE.md §10 B)", () => {
  it("activates an ISO, waits for the reboot and the nodes, and refreshes the new version", async () => {
    const timeScale = 0.0002
    const router = await startRouter({ flavour: "exr", timeScale })
    const memories = makeHostMemories()
    const iso = "asr9k-mini-x64-6.2.1.iso"
    const tftp = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/612" } }
    const added = await runOn(router, "Add", { memories, timeScale, job: { packages: [iso], repository: tftp } })
    expect(added.outcome).toMatchObject({ _tag: "Completed", packageChanges: ["asr9k-mini-x64-6.2.1"] })

    const activated = await runOn(router, "Activate", { memories, timeScale, job: { packages: [iso] } })
    expect(activated.outcome).toMatchObject({
      _tag: "Completed",
      packageChanges: ["asr9k-sysadmin-6.2.1", "asr9k-xr-6.2.1"],
      facts: { software_version: "6.2.1" }
    })
    expect(activated.statuses).toEqual(expect.arrayContaining(["Waiting for device boot to reconnect", "Waiting for all nodes to come up"]))
    expect(activated.files.get("steps.log")).toMatch(/Overall outage time: \d+ minute\(s\) \d+ second\(s\)/)
  })
})
