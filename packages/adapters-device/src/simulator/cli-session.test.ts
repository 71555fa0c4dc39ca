import { describe, expect, it } from "vitest"
import { openTerminal } from "./sim-terminal.ts"
import { useTestRouters } from "./testing/test-routers.ts"

const { router, session } = useTestRouters()

/** DEVICE.md §2.2 and §2.3 binding regexes. */
const usernamePrompt = /[Uu]sername:\s?|login:\s?/
const passwordPrompt = /[Pp]assword:\s?|Password :\s?/
const authError = /% Authentication failed|not authorized|Login incorrect|[\r\n]Authentication failed/
const xrPrompt = /RP\/\d+\/(?:\d+(?!RS?P[0-1])|(?:RS?P[0-1]))\/CPU[0-3]:(?<hostname>.*?)(\([^()]*\))?#/
const adminVmPrompt = /sysadmin-vm:?(?:_node)?[0-3]_RS?P[0-1]:?(?<hostname>.*?)(\([^()]*\))?#/
const timestampLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d\.\d{3} \w+$/
const standbyConsole = /This \(D\)RP Node is not ready or active for login \/configuration/
const syntaxError = /% Invalid input detected at '\^' marker\.|% Incomplete command\.|% Ambiguous command:/

describe("telnet login dialog", () => {
  it("asks for the username (echoed) and the password (not echoed), then shows the prompt", async () => {
    const t = openTerminal(router("xr"), { transport: "telnet" })
    expect(t.output()).toBe("\r\nUser Access Verification\r\n\r\nUsername: ")
    expect(usernamePrompt.test(t.output())).toBe(true)
    t.type("cisco\r")
    expect(t.output()).toMatch(/Username: cisco\r\nPassword: $/)
    expect(passwordPrompt.test(t.output())).toBe(true)
    t.type("cisco\r\n")
    expect(t.output()).not.toContain("Password: cisco")
    expect(t.output().endsWith("\r\nRP/0/RSP0/CPU0:PE1#")).toBe(true)
    expect(xrPrompt.exec(t.output())?.groups?.["hostname"]).toBe("PE1")
  })

  it("prints the failure and asks again, and closes after the third failure", async () => {
    const t = openTerminal(router("xr"), { transport: "telnet" })
    t.type("cisco\rwrong\r")
    expect(t.output()).toContain("\r\n% Authentication failed\r\n\r\nUsername: ")
    expect(authError.test(t.output())).toBe(true)
    expect(t.closed()).toBe(false)
    t.type("cisco\rwrong\rcisco\rwrong\r")
    await t.waitClosed()
    expect(t.output().match(/% Authentication failed/g)).toHaveLength(3)
  })

  it("rejects everybody with rejectAll and accepts the users of the fault knob", () => {
    const r = router("exr", { faults: { rejectAll: true } })
    expect(r.authenticate("cisco", "cisco")).toBe(false)
    r.setFaults({ users: [{ username: "lab", password: "secret" }] })
    expect(r.authenticate("cisco", "cisco")).toBe(false)
    expect(r.authenticate("lab", "secret")).toBe(true)
  })
})

describe("consoles", () => {
  it("stays silent until Enter, then runs the login dialog (mode active)", () => {
    const t = openTerminal(router("xr"), { transport: "console", mode: "active" })
    expect(t.output()).toBe("")
    t.type("\r\n")
    expect(t.output()).toContain("Username: ")
  })

  it("shows the prompt on Enter when already logged in", () => {
    const t = openTerminal(router("xr", { consoleLoggedIn: true }), { transport: "console", mode: "active" })
    t.type("\r")
    expect(t.output()).toBe("\r\nRP/0/RSP0/CPU0:PE1#")
  })

  it("says Press RETURN first (mode pressReturn)", () => {
    const t = openTerminal(router("xr"), { transport: "console", mode: "pressReturn" })
    expect(t.output()).toMatch(/Press RETURN to get started\./)
    t.type("\r")
    expect(t.output()).toContain("Username: ")
  })

  it("answers any input with the standby sentence (mode standby)", () => {
    const t = openTerminal(router("xr"), { transport: "console", mode: "standby" })
    t.type("\r\n")
    expect(standbyConsole.test(t.output())).toBe(true)
    expect(t.output()).not.toContain("Username")
  })

  it("shows the console line in show users", async () => {
    const t = openTerminal(router("xr", { consoleLoggedIn: true }), { transport: "console", mode: "active" })
    t.type("\r")
    const out = await t.command("show users")
    expect(out).toContain("*  con0/RSP0/CPU0   cisco   hardware   0  00:00:00")
  })
})

describe("CLI input", () => {
  it("starts SSH sessions logged in and echoes every character before Enter", () => {
    const t = session("exr").t
    expect(t.output()).toBe("\r\nRP/0/RSP0/CPU0:ios#")
    t.type("show ver")
    expect(t.output().endsWith("ios#show ver")).toBe(true)
  })

  it.each(["\r", "\n", "\r\n", "\r\0"])("treats %j as one Enter: every empty line prints a prompt", (enter) => {
    const t = session("xr").t
    t.type(enter + enter)
    expect(t.output()).toBe("\r\nRP/0/RSP0/CPU0:PE1#".repeat(3))
  })

  it("prints a timestamp line until terminal exec prompt no-timestamp", async () => {
    const t = session("xr").t
    const before = await t.command("show filesystem")
    expect(before.split("\r\n")[1]).toMatch(/^Tue Mar {2}7 1\d:\d\d:\d\d\.\d{3} UTC$/)
    expect(timestampLine.test(before.split("\r\n")[1]!)).toBe(true)
    expect(await t.command("terminal exec prompt no-timestamp")).toBe("\r\nRP/0/RSP0/CPU0:PE1#")
    expect(await t.command("terminal len 0")).toBe("\r\nRP/0/RSP0/CPU0:PE1#")
    expect(await t.command("terminal width 0")).toBe("\r\nRP/0/RSP0/CPU0:PE1#")
    const after = await t.command("show filesystem")
    expect(after.split("\r\n")[1]).toBe("File Systems:")
  })

  it("marks unknown input with a caret under the first unknown word", async () => {
    const t = session("xr").t
    const out = await t.command("show fooo")
    expect(out).toBe(`\r\n${" ".repeat(24)}^\r\n% Invalid input detected at '^' marker.\r\nRP/0/RSP0/CPU0:PE1#`)
    expect(syntaxError.test(out)).toBe(true)
    expect(await t.command("show install")).toContain("% Incomplete command.")
  })

  it("erases with backspace", async () => {
    const t = session("xr").t
    t.type("show usersx\x7f")
    const out = await t.command("")
    expect(out).toContain("*  vty0   cisco   ssh   0  00:00:00   10.1.1.5")
  })

  it("closes the session on exit", async () => {
    const t = session("xr").t
    t.type("exit\r")
    await t.waitClosed()
    expect(t.closed()).toBe(true)
  })
})

describe("admin planes", () => {
  it("enters the eXR admin VM and returns with exit", async () => {
    const t = session("exr").t
    const entered = await t.command("admin")
    expect(entered).toBe("\r\ncisco connected from 127.0.0.1 using console on xr-vm_node0_RSP0_CPU0\r\nsysadmin-vm:0_RSP0#")
    expect(adminVmPrompt.test(entered)).toBe(true)
    const active = await t.command("show install active")
    const lines = active.split("\r\n")
    expect(timestampLine.test(lines[1]!)).toBe(true)
    expect(lines[1]).toMatch(/^Tue Mar {2}7 {2}\d\d:/)
    expect(lines[2]).toBe(" Node 0/RSP0 [RP]")
    expect(lines[3]).toBe("    Active Packages: 1")
    expect(lines[4]).toBe("       asr9k-sysadmin-6.1.2 version=6.1.2 [Boot image]")
    const unknown = await t.command("show fooo")
    expect(unknown).toMatch(/\r\n-+\^\r\nsyntax error: expecting\r\n/)
    expect(unknown.split("\r\n")[1]!.indexOf("^")).toBe("sysadmin-vm:0_RSP0#show ".length)
    expect(await t.command("exit")).toBe("\r\nRP/0/RSP0/CPU0:ios#")
  })

  it("enters the classic admin mode, where commands run as admin commands", async () => {
    const t = session("xr").t
    expect(await t.command("admin")).toBe("\r\nRP/0/RSP0/CPU0:PE1(admin)#")
    expect(await t.command("show platform")).toContain("0/RSP0/CPU0     A9K-RSP440-SE(Active)")
    expect(await t.command("exit")).toBe("\r\nRP/0/RSP0/CPU0:PE1#")
  })
})
