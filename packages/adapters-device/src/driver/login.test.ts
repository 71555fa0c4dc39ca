import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { makeTiming } from "../timing/timing-profile.ts"
import { runLoginDialog } from "./login.ts"
import type { LoginDialog } from "./login.ts"
import { makeScriptedDevice } from "./testing/scripted-device.ts"

const timing = makeTiming({ timeScale: 0.001, minTimeoutMs: 100 })
const target = { host: "10.1.1.1", port: 2001 }
const prompt = "RP/0/RSP0/CPU0:PE1#"

/** A dialog against a scripted device that first prints `greeting`. */
const dialogWith = (
  greeting: string | undefined,
  answer: (line: string) => string | undefined,
  overrides: Partial<Pick<LoginDialog, "username" | "password" | "until">> = {}
) => {
  const device = makeScriptedDevice(answer)
  if (greeting !== undefined) device.print(greeting)
  const run = runLoginDialog({
    link: device.link,
    timing,
    recorder: device.recorder,
    target,
    username: "cisco",
    password: "pw-secret",
    until: "device",
    ...overrides
  })
  return { device, run }
}

const classicAnswers = (line: string) => (line === "cisco" ? "\r\nPassword: " : line === "pw-secret" ? `\r\n${prompt}` : undefined)

describe("telnet login dialog", () => {
  it("answers username and password and ends at the prompt, keeping the password secret", async () => {
    const { device, run } = dialogWith("\r\nUser Access Verification\r\n\r\nUsername: ", classicAnswers)
    await Effect.runPromise(run)
    expect(device.lines).toEqual(["cisco", "pw-secret"])
    expect(device.recorder.secrets).toEqual(["pw-secret"])
  })

  it("wakes a silent console with Enter and presses return when asked", async () => {
    const { device, run } = dialogWith(undefined, (line) =>
      line === "" && device.lines.length === 1 ? "\r\nPress RETURN to get started.\r\n" : line === "" ? "\r\nUsername: " : classicAnswers(line)
    )
    await Effect.runPromise(run)
    expect(device.lines).toEqual(["", "", "cisco", "pw-secret"])
  })

  it("takes a prompt on Enter as logged in", async () => {
    const { device, run } = dialogWith(`\r\n${prompt}`, () => undefined)
    await Effect.runPromise(run)
    expect(device.lines).toEqual([])
  })

  it("fails at once when the username comes back after the password", async () => {
    const { run } = dialogWith("Username: ", (line) =>
      line === "cisco" ? "\r\nPassword: " : "\r\n% Authentication failed\r\n\r\nUsername: "
    )
    expect(await Effect.runPromise(Effect.flip(run))).toMatchObject({
      message: "Connection error: 10.1.1.1:2001: Authentication failed",
      fatal: true
    })
  })

  it("refuses a device left in config mode", async () => {
    const { run } = dialogWith("RP/0/RSP0/CPU0:PE1(config)#", () => undefined)
    expect(await Effect.runPromise(Effect.flip(run))).toMatchObject({ message: "Device is not in global mode", fatal: true })
  })

  it("needs the credentials the device asks for", async () => {
    const noUser = dialogWith("Username: ", () => undefined, { username: undefined })
    expect(await Effect.runPromise(Effect.flip(noUser.run))).toMatchObject({ message: "Username not provided", fatal: true })
    const noPassword = dialogWith("Username: ", classicAnswers, { password: undefined })
    expect(await Effect.runPromise(Effect.flip(noPassword.run))).toMatchObject({ message: "Password not provided", fatal: true })
  })

  it("leaves a standby console for the next target", async () => {
    const { run } = dialogWith("\r\nThis (D)RP Node is not ready or active for login /configuration\r\n", () => undefined)
    expect(await Effect.runPromise(Effect.flip(run))).toMatchObject({
      message: "Connection error: 10.1.1.1:2001: Standby console",
      fatal: false
    })
  })

  it("times out when nothing comes even after Enter", async () => {
    const { device, run } = dialogWith(undefined, () => undefined)
    expect(await Effect.runPromise(Effect.flip(run))).toMatchObject({ message: "Connection error: 10.1.1.1:2001: Connection timeout" })
    expect(device.lines).toEqual([""])
  })

  it("over a jump host: a failed hop, a missing command, the shell prompt coming back", async () => {
    const refused = dialogWith("Trying 10.1.1.1...\r\ntelnet: Unable to connect to remote host: Connection refused\r\n$ ", () => undefined, {
      until: "device-over-jump"
    })
    expect((await Effect.runPromise(Effect.flip(refused.run))).message).toBe("Connection error: 10.1.1.1:2001: Connection refused")
    const missing = dialogWith("-bash: telnet: command not found\r\n$ ", () => undefined, { until: "device-over-jump" })
    expect((await Effect.runPromise(Effect.flip(missing.run))).message).toBe(
      "Connection error: 10.1.1.1:2001: Command not supported or not authorized"
    )
    const back = dialogWith("\r\n[csm@bastion ~]$ ", () => undefined, { until: "device-over-jump" })
    expect((await Effect.runPromise(Effect.flip(back.run))).message).toBe("Connection error: 10.1.1.1:2001: Unable to connect to the device")
  })

  it("answers an ssh hop's host key question and password, and logs into a jump host up to its shell", async () => {
    const hop = dialogWith("Are you sure you want to continue connecting (yes/no)? ", (line) =>
      line === "yes" ? "\r\nPassword: " : line === "pw-secret" ? `\r\n${prompt}` : undefined
    , { until: "device-over-jump" })
    await Effect.runPromise(hop.run)
    expect(hop.device.lines).toEqual(["yes", "pw-secret"])
    const jump = dialogWith("login: ", (line) => (line === "cisco" ? "Password: " : "\r\nLast login: today\r\n[csm@bastion ~]$ "), {
      until: "jump"
    })
    await Effect.runPromise(jump.run)
    expect(jump.device.lines).toEqual(["cisco", "pw-secret"])
  })
})
