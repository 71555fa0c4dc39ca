import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { DeviceDisconnected } from "../../session/device-errors.ts"
import { JobFailed } from "../flow-context.ts"
import { fakeContext } from "../testing/fake-context.ts"
import type { Answer } from "../testing/scripted-session.ts"
import { scriptedSession } from "../testing/scripted-session.ts"
import { activate } from "./activate.ts"

const checks: Record<string, string> = {
  "cfs check": "a...OK\nb...OK\nc...OK",
  "admin show redundancy location all": "Redundancy\n===\nNode 0/RSP0/CPU0 is in ACTIVE role\nPartner node (0/RSP1/CPU0) is in STANDBY role\nStandby node in 0/RSP1/CPU0 is ready",
  "show redundancy location all": "Redundancy\n===\nNode 0/RSP0/CPU0 is in ACTIVE role\nPartner node (0/RSP1/CPU0) is in STANDBY role\nStandby node in 0/RSP1/CPU0 is ready",
  "admin show install inactive summary": "  Inactive Packages:\n    disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0\n",
  "admin show install active summary": "  Active Packages:\n    disk0:asr9k-mini-px-5.3.3\n",
  "show install active summary": "  Active Packages:\n    disk0:asr9k-mini-px-5.3.3\n"
}
const smu = "admin install activate disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0 prompt-level none async"
const session = (answers: Record<string, Answer | (() => Answer)>) =>
  scriptedSession({
    answer: (command) => {
      const answer = answers[command] ?? checks[command] ?? ""
      return typeof answer === "function" ? answer() : answer
    }
  })

describe("classic Install Activate (DEVICE.md §6.5)", () => {
  it("fails a busy device with its Error: lines as warnings", async () => {
    const busy = [
      "Install operation 7 '(admin) install activate disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0 prompt-level none' started by user 'cisco' via CLI at 10:20:11 UTC Tue Mar 07 2017.",
      "Error:    Cannot proceed with the operation as another install command is currently in operation.",
      "Error:    Suggested steps to resolve this:",
      "Error:     - re-issue the command when the current operation has completed.",
      "Install operation 7 failed at 10:20:11 UTC Tue Mar 07 2017."
    ].join("\n")
    const context = fakeContext("XR", [session({ [smu]: busy })], { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"] })
    expect(await Effect.runPromiseExit(activate(context))).toEqual(Exit.fail(new JobFailed({ message: "Operation 7 failed" })))
    expect(context.warnings).toEqual([
      "WARNING: [Install Activate] Cannot proceed with the operation as another install command is currently in operation.",
      "WARNING: [Install Activate] Suggested steps to resolve this:",
      "WARNING: [Install Activate] - re-issue the command when the current operation has completed.",
      "ERROR: [Install Activate] Operation 7 failed"
    ])
  })

  it("resends with parallel-reload when the log asks for it", async () => {
    const started = (id: number) =>
      `Install operation ${id} '(admin) install activate' started by user 'cisco'\nThe install operation will continue asynchronously.\nInstall operation ${id} completed successfully`
    const s = session({
      [smu]: started(40),
      "admin show install log 40 detail": "Install operation 40 failed\nError:    incremental install is not possible, use parallel reload",
      [smu.replace(" async", " parallel-reload async")]: started(41),
      "admin show install log 41 detail": "Install operation 41 completed successfully\n    Install method: Parallel Process Restart"
    })
    const context = fakeContext("XR", [s], { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"] })
    await Effect.runPromise(activate(context))
    expect(s.sent).toContain(smu.replace(" async", " parallel-reload async"))
  })

  it("fails without an install method in the log", async () => {
    const s = session({
      [smu]: "Install operation 40 '(admin) install activate' started\nThe install operation will continue asynchronously.\nInstall operation 40 completed successfully",
      "admin show install log 40 detail": "Install operation 40 completed successfully"
    })
    const context = fakeContext("XR", [s], { packages: ["asr9k-px-5.3.3.CSCuz05961.pie"] })
    expect(await Effect.runPromiseExit(activate(context))).toEqual(Exit.fail(new JobFailed({ message: "Reload or boot failure" })))
    expect(context.warnings).toContain("WARNING: [Install Activate] No Install Method detected.")
  })

  it("activates tar files by the op id of their Add", async () => {
    const s = session({})
    const context = fakeContext("XR", [s], { packages: ["b.tar", "a.tar"] })
    expect(await Effect.runPromiseExit(activate(context))).toEqual(Exit.fail(new JobFailed({
      message: "No install add operation of the exact selected packages has been completed successfully."
    })))
    const remembered = fakeContext("XR", [s], { packages: ["b.tar", "a.tar"], memory: { addOperations: new Map([["a.tar,b.tar", 31]]) } })
    await Effect.runPromiseExit(activate(remembered))
    expect(s.sent).toContain("admin install activate id 31 prompt-level none async")
  })
})

describe("eXR Install Activate (DEVICE.md §6.5, §10 B)", () => {
  const exrLists = {
    "show install inactive": "1 inactive package(s) found:\n    asr9k-mini-x64-6.2.1",
    "show install active": "Node 0/RSP0/CPU0 [RP]\n  Active Packages: 1\n        asr9k-xr-6.1.2 version=6.1.2 [Boot image]",
    "show install committed": "Node 0/RSP0/CPU0 [RP]\n  Committed Packages: 1\n        asr9k-xr-6.1.2"
  }

  it("refuses on a busy device", async () => {
    const s = session({
      ...exrLists,
      "install activate asr9k-mini-x64-6.2.1": "Could not start this install operation. Install operation 7 is still in progress"
    })
    const context = fakeContext("eXR", [s], { packages: ["asr9k-mini-x64-6.2.1.iso"] })
    expect(await Effect.runPromiseExit(activate(context))).toEqual(Exit.fail(new JobFailed({
      message: "Could not start this install operation because an install operation is still in progress"
    })))
  })

  it("waits for the reload, reconnects, waits for the nodes and reads the verdict", async () => {
    const before = scriptedSession({
      answer: (command) => ({
        ...checks,
        ...exrLists,
        "install activate asr9k-mini-x64-6.2.1": [
          "Mar 07 11:00:01 Install operation 15 started by cisco:",
          "  install activate pkg asr9k-mini-x64-6.2.1",
          "",
          "This install operation will reload the sdr, continue?",
          " [yes/no]:[yes] "
        ].join("\n")
      } as Record<string, string>)[command] ?? "",
      waitFor: () => new DeviceDisconnected({ message: "Unexpected device disconnect" })
    })
    let platformPolls = 0
    const platform = (state: string) =>
      `Node              Type                       State             Config state\n0/RSP0/CPU0       A9K-RSP880-SE(Active)      IOS XR RUN        NSHUT\n0/RSP1/CPU0       A9K-RSP880-SE(Standby)     ${state.padEnd(18)}NSHUT`
    const after = session({
      "show platform": () => ++platformPolls < 2 ? platform("BOOTING") : platform("IOS XR RUN"),
      "show install request": "No install operation in progress",
      "show install log 15 detail": "Mar 07 11:04:01 Install operation 15 finished successfully",
      "show install active": "Node 0/RSP0/CPU0 [RP]\n  Active Packages: 1\n        asr9k-xr-6.2.1 version=6.2.1 [Boot image]"
    })
    const context = fakeContext("eXR", [before, after], { packages: ["asr9k-mini-x64-6.2.1.iso"] })
    const result = await Effect.runPromise(activate(context))
    expect(context.reconnects).toEqual(["reloadReconnectBudget"])
    expect(context.statuses).toEqual([
      "Config Filesystem Check", "Node Redundancy Check", "Install Activate",
      "Waiting for device boot to reconnect", "Waiting for all nodes to come up", "Refresh"
    ])
    expect(platformPolls).toBe(2)
    expect(result.packageChanges).toEqual(["asr9k-xr-6.2.1"])
  })
})
