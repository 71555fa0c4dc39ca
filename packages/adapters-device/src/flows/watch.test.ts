import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { DeviceDisconnected } from "../session/device-errors.ts"
import { NODE_UNRESPONSIVE, send } from "./commands.ts"
import { StepFailed } from "./flow-context.ts"
import { fakeContext } from "./testing/fake-context.ts"
import { scriptedSession, timeout } from "./testing/scripted-session.ts"
import { operationVerdict, watchOperation } from "./watch.ts"

const classicStart = "Install operation 31 '(admin) install add source /tftp://10.1.1.10/images/533/ a.pie' started by user 'cisco' via CLI at 10:15:02 UTC Tue Mar 07 2017.\nThe install operation will continue asynchronously."
const running = `${classicStart.split("\n")[0]}\nThe operation is 40% complete\n1,536KB downloaded: Download in progress`
const idle = "There are no install requests in operation."
const dropped = new DeviceDisconnected({ message: "Unexpected device disconnect" })

describe("the watch loop (DEVICE.md §6.3)", () => {
  it("stops at once when the start output holds the completion line", async () => {
    const session = scriptedSession({ answer: () => "" })
    const context = fakeContext("XR", [session])
    const startOutput = "Install operation 33 '(admin) install commit' started\nInstall operation 33 completed successfully at 10:40:08"
    expect(await Effect.runPromise(watchOperation(context, { id: 33, startOutput, reloads: false }))).toBe("done")
    expect(session.sent).toEqual([])
  })

  it("waits for the completion line, polls, and posts progress with a spinner", async () => {
    let polls = 0
    const session = scriptedSession({
      answer: (command) => command === "admin show install request" ? (++polls < 3 ? running : idle) : "",
      waitFor: () => timeout("waitFor")
    })
    const context = fakeContext("XR", [session])
    expect(await Effect.runPromise(watchOperation(context, { id: 31, startOutput: classicStart, reloads: false }))).toBe("done")
    expect(context.statuses).toEqual(["| 40% complete, 1,536KB downloaded", "/ 40% complete, 1,536KB downloaded"])
  })

  it("polls once more after the completion line, as the device may still list the request", async () => {
    const session = scriptedSession({
      answer: () => idle,
      waitFor: () => "Install operation 31 completed successfully at 10:16:40 UTC Tue Mar 07 2017."
    })
    const context = fakeContext("XR", [session])
    expect(await Effect.runPromise(watchOperation(context, { id: 31, startOutput: classicStart, reloads: false }))).toBe("done")
    expect(session.sent).toEqual(["waitFor Install operation 31 (?:completed successfully|failed)", "admin show install request"])
  })

  it("reconnects after a drop and goes on watching", async () => {
    const first = scriptedSession({ answer: () => dropped })
    const second = scriptedSession({ answer: () => idle })
    const context = fakeContext("XR", [first, second])
    expect(await Effect.runPromise(watchOperation(context, { id: 31, startOutput: classicStart, reloads: false }))).toBe("done")
    expect(context.reconnects).toEqual(["reconnectBudget"])
  })

  it("gives up after watchRetries with the last error", async () => {
    const hung = scriptedSession({ answer: (command) => timeout(command) })
    const context = fakeContext("XR", [hung])
    const exit = await Effect.runPromiseExit(watchOperation(context, { id: 31, startOutput: classicStart, reloads: false }))
    expect(exit).toEqual(Exit.fail(new StepFailed({ message: "Command timeout: 'admin show install request'" })))
    expect(context.reconnects).toHaveLength(3)
  })

  it("takes a drop during a reloading operation as the reboot", async () => {
    const session = scriptedSession({ answer: () => "", waitFor: () => dropped })
    const context = fakeContext("eXR", [session])
    const startOutput = "Install operation 15 started by cisco:\nThis install operation will reload the sdr, continue?"
    expect(await Effect.runPromise(watchOperation(context, { id: 15, startOutput, reloads: true }))).toBe("rebooting")
    expect(context.reconnects).toEqual([])
  })
})

describe("the verdict", () => {
  it("turns an aborted eXR operation into warnings and 'Operation N failed' (DEVICE.md §10 C)", async () => {
    const log = [
      "Mar 07 10:20:01 Install operation 13 started by cisco:",
      "  install activate pkg asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345",
      "Mar 07 10:20:39 ERROR! Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active",
      "Mar 07 10:20:40 Install operation 13 aborted"
    ].join("\n")
    const context = fakeContext("eXR", [scriptedSession({ answer: () => log })])
    context.currentStep = "Install Activate"
    const exit = await Effect.runPromiseExit(operationVerdict(context, 13))
    expect(exit).toEqual(Exit.fail(new StepFailed({ message: "Operation 13 failed" })))
    expect(context.warnings).toEqual(["WARNING: [Install Activate] Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active"])
  })
})

describe("eXR 'Please try command later'", () => {
  it("resends until the device answers", async () => {
    let tries = 0
    const session = scriptedSession({ answer: () => (++tries < 3 ? "Please try command later" : "ok") })
    const context = fakeContext("eXR", [session])
    expect(await Effect.runPromise(send(context, "show install inactive"))).toBe("ok")
    expect(session.sent).toHaveLength(3)
  })

  it("gives up after tryLaterLimit tries", async () => {
    const session = scriptedSession({ answer: () => "Please try command later" })
    const context = fakeContext("eXR", [session])
    const exit = await Effect.runPromiseExit(send(context, "show install inactive"))
    expect(exit).toEqual(Exit.fail(new StepFailed({ message: NODE_UNRESPONSIVE })))
    expect(session.sent).toHaveLength(61)
  })

  it("does not apply to classic XR", async () => {
    const session = scriptedSession({ answer: () => "Please try command later" })
    expect(await Effect.runPromise(send(fakeContext("XR", [session]), "show x"))).toBe("Please try command later")
  })
})
