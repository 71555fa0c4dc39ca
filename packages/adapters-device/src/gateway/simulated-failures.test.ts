import { afterEach, describe, expect, it } from "vitest"
import { PASSWORD, runOn, startRouter, stopRouters } from "./testing/simulated-job.ts"

afterEach(stopRouters)

describe("failures against the simulator (DEVICE.md §8, §10 C)", () => {
  const rpm = "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm"
  const internal = "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345"
  const withRpmInactive = { xr: { active: ["asr9k-xr-6.1.2"], inactive: [internal], committed: ["asr9k-xr-6.1.2"] } }

  it("fails an aborted eXR activate with the log's errors as warnings", async () => {
    const router = await startRouter({
      flavour: "exr",
      packages: withRpmInactive,
      faults: {
        failOperation: { action: "activate", mode: "abort", errorLines: ["Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active"] }
      }
    })
    const run = await runOn(router, "Activate", { job: { packages: [rpm] } })
    expect(run.outcome).toMatchObject({ _tag: "Failed", message: expect.stringMatching(/^Operation \d+ failed$/) })
    const id = run.outcome._tag === "Failed" ? run.outcome.message.split(" ")[1] : ""
    expect(run.outcome.warnings).toEqual([
      "WARNING: [Install Activate] Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active",
      `ERROR: [Install Activate] Operation ${id} failed`
    ])
    expect(run.outcome.packages).toBeUndefined()
    expect(run.statuses).not.toContain("Refresh")
  })

  it("fails a classic activate on a busy device", async () => {
    const router = await startRouter({
      flavour: "xr",
      packages: { xr: { active: ["disk0:asr9k-mini-px-5.3.3"], inactive: ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"], committed: [] } },
      faults: { operationInProgress: { id: 7 } }
    })
    const run = await runOn(router, "Activate", { job: { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"] } })
    expect(run.outcome).toMatchObject({
      _tag: "Failed",
      message: "Operation 1 failed",
      warnings: [
        "WARNING: [Install Activate] Cannot proceed with the operation as another install command is currently in operation.",
        "WARNING: [Install Activate] Suggested steps to resolve this:",
        "WARNING: [Install Activate] - re-issue the command when the current operation has completed.",
        "ERROR: [Install Activate] Operation 1 failed"
      ]
    })
  })

  it("fails an eXR add on a busy device with the sentence of §6.5", async () => {
    const router = await startRouter({ flavour: "exr", faults: { operationInProgress: { id: 7 } } })
    const tftp = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/612" } }
    const run = await runOn(router, "Add", { job: { packages: [rpm], repository: tftp } })
    expect(run.outcome).toMatchObject({
      _tag: "Failed",
      message: "Could not start this install operation because an install operation is still in progress"
    })
  })

  it("fails a hung command with a command timeout", async () => {
    const router = await startRouter({ flavour: "xr", faults: { hang: "^show running-config$" } })
    // The capture timeout (2200 s) shrunk to the 200 ms floor, so that the test does not wait 2.2 s.
    const run = await runOn(router, "Pre-Upgrade", { overrides: { capture: 0 } })
    expect(run.outcome).toMatchObject({
      _tag: "Failed",
      message: "Command timeout: 'show running-config'",
      warnings: ["ERROR: [Config Capture] Command timeout: 'show running-config'"]
    })
  })

  it("keeps passwords out of every log file", async () => {
    const router = await startRouter({ flavour: "xr" })
    const ftp = {
      name: "ftp",
      server_type: "FTP",
      fields: { server_address: "10.1.1.30", home_directory: "images", username: "csm", password: "csm-secret" }
    }
    const run = await runOn(router, "Add", { job: { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"], repository: ftp, server_directory: "533" } })
    expect(run.outcome).toMatchObject({ _tag: "Completed" })
    expect(run.files.get("session.log")).toContain("ftp://csm:***@10.1.1.30/images/533")
    for (const [name, text] of run.files) {
      expect(text, name).not.toContain("csm-secret")
      expect(text, name).not.toContain(PASSWORD)
    }
  })

  it("fails a classic add that fails after acceptance, with the log's Error: lines as warnings", async () => {
    const router = await startRouter({
      flavour: "xr",
      faults: { failOperation: { action: "add", mode: "fail", errorLines: ["Cannot proceed: the repository went away"] } }
    })
    const tftp = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/533" } }
    const run = await runOn(router, "Add", { job: { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"], repository: tftp } })
    expect(run.outcome).toMatchObject({ _tag: "Failed", message: "Operation 1 failed" })
    expect(run.outcome.warnings).toEqual([
      "WARNING: [Install Add] Cannot proceed: the repository went away",
      "ERROR: [Install Add] Operation 1 failed"
    ])
  })

  it("fails the Node Status Check and the Node Redundancy Check with their sentences", async () => {
    const nodes = await startRouter({ flavour: "xr", faults: { nodeStates: { "0/1/CPU0": "IN-RESET" } } })
    expect((await runOn(nodes, "Pre-Upgrade")).outcome)
      .toMatchObject({ _tag: "Failed", message: "Not all nodes in correct state. Upgrade can not proceed" })
    const standby = await startRouter({ flavour: "xr", faults: { standbyNotReady: true } })
    expect((await runOn(standby, "Pre-Upgrade")).outcome)
      .toMatchObject({ _tag: "Failed", message: "Standby is not ready. Upgrade can not proceed." })
  })

  it("completes a Post-Upgrade with warnings for error log lines and failed startup configuration", async () => {
    const router = await startRouter({
      flavour: "xr",
      faults: { logErrorLines: ["RP/0/RSP0/CPU0:Mar  7 10:30:00.000 : bgp[1052]: %ROUTING-BGP-3-ERROR : down"], failedStartupConfig: true }
    })
    const run = await runOn(router, "Post-Upgrade")
    expect(run.outcome._tag).toBe("Completed")
    expect(run.outcome.warnings).toEqual(expect.arrayContaining([
      "WARNING: [Core Error Check] RP/0/RSP0/CPU0:Mar  7 10:30:00.000 : bgp[1052]: %ROUTING-BGP-3-ERROR : down",
      "WARNING: [Failed Startup Config Check] Some configuration parts failed during startup",
      "WARNING: [Diff] No Pre-Upgrade data to compare"
    ]))
  })
})
