import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { makeTiming } from "../timing/timing-profile.ts"
import { makeCliSession } from "./cli-session.ts"
import { promptPattern } from "./prompts.ts"
import { makeScriptedDevice } from "./testing/scripted-device.ts"

const timing = makeTiming({ timeScale: 0.001, minTimeoutMs: 200 })
const prompt = "RP/0/RSP0/CPU0:ios#"
const adminPrompt = "sysadmin-vm:0_RSP0#"
const reply = (lines: ReadonlyArray<string>, at = prompt) => `\r\n${lines.map((line) => `${line}\r\n`).join("")}${at}`

const sessionOn = (answer: (line: string) => string | undefined, options: { readonly echo?: boolean } = {}) => {
  const device = makeScriptedDevice(answer, options)
  const session = makeCliSession({
    link: device.link,
    url: "ssh://cisco@127.0.0.1:22",
    prompt: { plane: "xr", pattern: promptPattern("xr", "ios") },
    timing,
    recorder: device.recorder,
    username: "cisco",
    password: "cisco-pw",
    close: Effect.void
  })
  return { device, session }
}

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const failureOf = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(effect))

describe("CLI session", () => {
  it("returns the text between the echo line and the prompt, without the timestamp line", async () => {
    const { session } = sessionOn((line) =>
      line === "show version" ? reply(["Tue Mar  7 10:15:02.123 UTC", "Cisco IOS XR Software, Version 6.1.2", "", "cisco ASR9K () processor"]) : undefined
    )
    expect(await run(session.send("show version", 1000))).toBe("Cisco IOS XR Software, Version 6.1.2\n\ncisco ASR9K () processor")
  })

  it("gives an empty output for a silent command", async () => {
    const { session } = sessionOn(() => reply([]))
    expect(await run(session.send("terminal len 0", 1000))).toBe("")
  })

  it("keeps text that arrived before the echo as unsolicited", async () => {
    const { device, session } = sessionOn(() => reply(["ok"]))
    device.print(`\r\nInstall operation 31 completed successfully at 10:16:40 UTC Tue Mar 07 2017.\r\n${prompt}`)
    await new Promise((resolve) => setImmediate(resolve))
    expect(await run(session.send("show install request", 1000))).toBe("ok")
    expect(session.takeUnsolicited()).toContain("Install operation 31 completed successfully")
    expect(session.takeUnsolicited()).toBe("")
  })

  it("fails with the command on a syntax error and stays usable", async () => {
    const { session } = sessionOn((line) =>
      line === "show fooo" ? reply(["                        ^", "% Invalid input detected at '^' marker."]) : reply(["fine"])
    )
    const error = await failureOf(session.send("show fooo", 1000))
    expect(error).toMatchObject({ _tag: "CommandSyntaxError", command: "show fooo", message: "Command unknown" })
    expect(await run(session.send("show clock", 1000))).toBe("fine")
  })

  it("pages through --More-- with a space", async () => {
    const { device, session } = sessionOn((line) => (line === "show inventory" ? "\r\npage one\r\n --More-- " : undefined))
    const sending = run(session.send("show inventory", 1000))
    await new Promise((resolve) => setTimeout(resolve, 20))
    device.print(`\r\npage two\r\n${prompt}`)
    expect(await sending).toBe("page one\n\npage two")
  })

  it("reports an input buffer overflow as a command too long", async () => {
    const { session } = sessionOn(() => reply(["Error: input buffer overflow"]))
    expect(await failureOf(session.send("x".repeat(10), 1000))).toMatchObject({ _tag: "CommandTooLong", message: "Command too long" })
  })

  it("reports a missing prompt as a timeout naming the command", async () => {
    const { session } = sessionOn(() => "\r\nworking...")
    expect(await failureOf(session.send("show platform", 300))).toMatchObject({
      _tag: "CommandTimeout",
      message: "Command timeout: 'show platform'"
    })
  })

  it("reports a missing echo as a timeout", async () => {
    const { session } = sessionOn(() => reply([]), { echo: false })
    expect(await failureOf(session.send("show users", 300))).toMatchObject({ _tag: "CommandTimeout" })
  })

  it("reports the device hanging up as a disconnect", async () => {
    const { device, session } = sessionOn(() => {
      device.end()
      return undefined
    })
    expect(await failureOf(session.send("reload", 1000))).toMatchObject({
      _tag: "DeviceDisconnected",
      message: "Unexpected device disconnect"
    })
  })

  it("reports a jump host's 'Connection closed' as a disconnect", async () => {
    const { session } = sessionOn(() => "\r\nConnection closed by foreign host.\r\n[csm@bastion ~]$ ")
    expect(await failureOf(session.send("reload", 1000))).toMatchObject({ _tag: "DeviceDisconnected" })
    const waiting = sessionOn(() => "\r\nConnection closed by foreign host.\r\n[csm@bastion ~]$ ")
    expect(await failureOf(waiting.session.waitFor(/completed/, 1000))).toMatchObject({ _tag: "DeviceDisconnected" })
  })

  it("answers dialogs with sendExpecting and sendSecret, logging no secret", async () => {
    const { device, session } = sessionOn((line) =>
      line.startsWith("install add") ? "\r\nsftp password:" : line === "s3cret" ? reply(["Install operation 12 started"]) : undefined
    )
    const asked = await run(session.sendExpecting("install add source sftp://u@h/d a.rpm", [/[Pp]assword:/], 1000))
    expect(asked.matched).toBe(0)
    const answered = await run(session.sendSecret("s3cret", [/Install operation (\d+)/], 1000))
    expect(answered.matched).toBe(0)
    expect(device.recorder.transcriptText()).not.toContain("s3cret")
    expect(device.recorder.secrets).toContain("s3cret")
    expect(device.recorder.steps.map((step) => step.message).join("\n")).toContain("'******'")
  })

  it("waits for a pattern past prompts, searching unread text first", async () => {
    const { device, session } = sessionOn(() => `\r\n${prompt}`)
    device.print(`\r\n${prompt}Install operation 7 finished successfully\r\n${prompt}`)
    await new Promise((resolve) => setImmediate(resolve))
    expect(await run(session.waitFor(/Install operation 7 finished successfully/, 1000))).toContain("finished successfully")
    expect(await failureOf(session.waitFor(/never/, 200))).toMatchObject({ _tag: "CommandTimeout" })
  })

  it("runs a body on the admin VM and comes back", async () => {
    let plane: "xr" | "admin" = "xr"
    const { device, session } = sessionOn((line) => {
      if (line === "admin") {
        plane = "admin"
        return `\r\ncisco connected from 127.0.0.1 using console on xr-vm_node0_RSP0_CPU0\r\n${adminPrompt}`
      }
      if (line === "exit" && plane === "admin") {
        plane = "xr"
        return `\r\n${prompt}`
      }
      if (plane === "admin") return reply(["Fri Sep  2  13:58:27.429 UTC", " Name: Rack 0   Descr: ASR-9904 AC Chassis"], adminPrompt)
      return reply(["xr answer"])
    })
    const inside = await run(session.admin(session.send("show inventory chassis", 1000)))
    expect(inside).toBe(" Name: Rack 0   Descr: ASR-9904 AC Chassis")
    expect(await run(session.send("show clock", 1000))).toBe("xr answer")
    expect(device.lines).toEqual(["admin", "show inventory chassis", "exit", "show clock"])
  })

  it("answers the admin VM's own login", async () => {
    let step = 0
    const { device, session } = sessionOn((line) => {
      step++
      if (line === "admin") return "\r\nAdmin Username: "
      if (line === "cisco") return "\r\nPassword: "
      if (line === "cisco-pw") return `\r\n${adminPrompt}`
      if (line === "exit") return `\r\n${prompt}`
      return reply(["inside"], adminPrompt)
    })
    expect(await run(session.admin(session.send("show platform", 1000)))).toBe("inside")
    expect(step).toBe(5)
    expect(device.recorder.transcriptText()).not.toContain("cisco-pw")
  })
})
