import { Effect, Redacted } from "effect"
import type { DeviceJob, DeviceUpdate } from "@csm/core"
import { describe, expect, it } from "vitest"
import type { DeviceSession } from "../session/device-session.ts"
import { ConnectionFailed } from "../session/device-errors.ts"
import { deviceOf } from "../flows/testing/fake-context.ts"
import { scriptedSession } from "../flows/testing/scripted-session.ts"
import { makeTiming } from "../timing/timing-profile.ts"
import { makeHostMemories } from "./host-memory.ts"
import type { Connect } from "./run-job.ts"
import { INTERNAL_FAULT, runJob } from "./run-job.ts"

const job = (overrides: Partial<DeviceJob> = {}): DeviceJob => ({
  id: 134,
  action: "Activate",
  target: { hostname: "PE1", connection_type: "ssh", ts_or_ip: ["127.0.0.1"], port_number: [22], username: "cisco", password: "sealed:cisco-pass" },
  packages: ["asr9k-px-5.3.3.CSCuz05961.pie"],
  server_directory: "",
  commands: [],
  startedAt: "2017-03-07T10:15:02.000Z",
  ...overrides
})

const secrets = {
  seal: (plain: Redacted.Redacted<string>) => Effect.succeed(`sealed:${Redacted.value(plain)}`),
  open: (sealed: string) => Effect.succeed(Redacted.make(sealed.replace(/^sealed:/, "")))
}

const run = async (theJob: DeviceJob, connect: Connect) => {
  const updates: Array<DeviceUpdate> = []
  const outcome = await Effect.runPromise(runJob({
    secrets,
    connect,
    timing: makeTiming({ timeScale: 0 }),
    diff: () => "",
    memories: makeHostMemories(),
    now: () => 0
  })(theJob, (update) => Effect.sync(() => updates.push(update))))
  const statuses = updates.flatMap((update) => update._tag === "Status" ? [update.message] : [])
  const file = (name: string) =>
    updates.flatMap((update) => update._tag === "Log" && update.file === `PE1-2017_03_07_10_15_02-134/${name}` ? [update.text] : [])
      .join("")
  return { outcome, statuses, file }
}

const connectTo = (session: DeviceSession): Connect => () =>
  Effect.succeed({ session, device: deviceOf("XR"), target: "127.0.0.1:22" })
const neverConnect: Connect = () => Effect.die("must not connect")

/** A classic router with the SMU inactive until `admin install activate` runs. */
const classicRouter = () => {
  let active = false
  const smu = "    disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"
  const summary = (header: string, lines: ReadonlyArray<string>) => `Default Profile:\n  SDRs:\n    Owner\n  ${header}:\n${lines.join("\n")}\n`
  const answers: Record<string, () => string> = {
    "cfs check": () => "a...OK\nb...OK\nc...OK",
    "admin show redundancy location all": () =>
      "Redundancy information for node 0/RSP0/CPU0:\n===\nNode 0/RSP0/CPU0 is in ACTIVE role\nPartner node (0/RSP1/CPU0) is in STANDBY role\nStandby node in 0/RSP1/CPU0 is ready",
    "admin show install inactive summary": () => active ? "  No Inactive Packages" : summary("Inactive Packages", [smu]),
    "admin show install active summary": () => summary("Active Packages", ["    disk0:asr9k-mini-px-5.3.3", ...(active ? [smu] : [])]),
    "show install active summary": () => summary("Active Packages", ["    disk0:asr9k-mini-px-5.3.3", ...(active ? [smu] : [])]),
    "admin show install committed summary": () => summary("Committed Packages", ["    disk0:asr9k-mini-px-5.3.3"]),
    "admin install activate disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0 prompt-level none async": () => {
      active = true
      return [
        "Install operation 32 '(admin) install activate disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0 prompt-level none' started by user 'cisco' via CLI at 10:20:11 UTC Tue Mar 07 2017.",
        "Info:     Install Method: Parallel Process Restart",
        "The install operation will continue asynchronously.",
        "Install operation 32 completed successfully at 10:21:30 UTC Tue Mar 07 2017."
      ].join("\n")
    },
    "admin show install log 32 detail": () => "Install operation 32 completed successfully\n    Install method: Parallel Process Restart",
    "admin show inventory": () => 'NAME: "chassis ASR-9006-AC-V2", DESCR: "ASR 9006"\nPID: ASR-9006-AC-V2, VID: V02, SN: FOX1612ABCD'
  }
  return scriptedSession({ answer: (command) => answers[command]?.() ?? `unexpected ${command}` })
}

describe("running a job through the gateway", () => {
  it("refuses an untypeable package name before connecting", async () => {
    const { outcome } = await run(job({ packages: ["disk0:*6.0.2*"] }), neverConnect)
    expect(outcome).toEqual({
      _tag: "Failed",
      message: "Package name 'disk0:*6.0.2*' contains characters that cannot be sent to the device.",
      warnings: []
    })
  })

  it("refuses repository credentials that cannot go into a URL before connecting", async () => {
    const repository = { name: "r", server_type: "FTP", fields: { server_address: "10.1.1.1", username: "u", password: "sealed:a b" } }
    const { outcome } = await run(job({ action: "Add", repository }), neverConnect)
    expect(outcome).toMatchObject({ _tag: "Failed", message: "Repository credentials cannot be used in a device URL." })
  })

  it("fails with the connection's last error", async () => {
    const refused: Connect = () =>
      Effect.fail(new ConnectionFailed({ message: "Connection error: 127.0.0.1:22: Authentication failed" }))
    const { outcome, statuses } = await run(job(), refused)
    expect(outcome).toEqual({
      _tag: "Failed",
      message: "Connection error: 127.0.0.1:22: Authentication failed",
      warnings: ["ERROR: [Connection] Unable to connect to PE1 (127.0.0.1:22: Authentication failed)"]
    })
    expect(statuses).toEqual(["Connecting to device"])
  })

  it("activates a classic SMU (DEVICE.md §10 A) and streams its logs", async () => {
    const session = classicRouter()
    const { outcome, statuses, file } = await run(job(), connectTo(session))
    expect(outcome).toEqual({
      _tag: "Completed",
      packageChanges: ["asr9k-px-5.3.3.CSCuz05961-1.0.0"],
      warnings: [],
      facts: { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.3" },
      packages: {
        active: ["asr9k-mini-px-5.3.3", "asr9k-px-5.3.3.CSCuz05961-1.0.0"],
        inactive: [],
        committed: ["asr9k-mini-px-5.3.3"]
      }
    })
    expect(statuses).toEqual(["Connecting to device", "Config Filesystem Check", "Node Redundancy Check", "Install Activate", "Refresh"])
    expect(file("steps.log"))
      .toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO \[Install Activate\] Matched packages: disk0:asr9k-px-5\.3\.3\.CSCuz05961-1\.0\.0$/m)
  })

  it("completes without an install command when everything is already active", async () => {
    const session = classicRouter()
    const { outcome } = await run(job({ packages: ["asr9k-mini-px.pie-5.3.3"] }), connectTo(session))
    expect(outcome).toMatchObject({ _tag: "Completed", packageChanges: [] })
    expect(session.sent.some((command) => command.includes("install activate"))).toBe(false)
  })

  it("fails an Activate of a package on no list", async () => {
    const { outcome } = await run(job({ packages: ["asr9k-px-5.3.3.CSCuz99999.pie"] }), connectTo(classicRouter()))
    expect(outcome).toMatchObject({
      _tag: "Failed",
      message: "To be activated packages not in inactive packages list.",
      warnings: ["ERROR: [Install Activate] To be activated packages not in inactive packages list."]
    })
  })

  it("keeps every secret out of the outcome and the logs", async () => {
    const session = scriptedSession({ answer: () => "cisco-pass leaked" })
    const { outcome, file } = await run(job({ action: "Pre-Upgrade" }), connectTo(session))
    expect(JSON.stringify(outcome)).not.toContain("cisco-pass")
    expect(file("show-running-config.txt")).toBe("*** leaked")
  })

  it("turns an internal fault into a failure with error.log", async () => {
    const broken: Connect = () => Effect.die(new Error("boom"))
    const { outcome, file } = await run(job(), broken)
    expect(outcome).toEqual({ _tag: "Failed", message: INTERNAL_FAULT, warnings: [] })
    expect(file("error.log")).toContain("boom")
  })
})
