import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { SimulatedRouter } from "../simulated-router.ts"
import { startBastion } from "./bastion.ts"
import type { RunningBastion } from "./bastion.ts"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD, WILL } from "./telnet-iac.ts"
import { connectionOutcome, forwardTo, rawTelnet, sshConnect, sshShell, untilConnected } from "./testing/clients.ts"

/** The transports in front of the real model (DEVICE.md §9.1, §9.4, §9.5): what a driver meets on each port. */

const classicPrompt = "RP/0/RSP0/CPU0:PE1#"
const exrPrompt = "RP/0/RSP0/CPU0:ios#"

describe("a simulated classic XR router over its ports", () => {
  let router: RunningSimulatedRouter<SimulatedRouter>
  beforeAll(async () => {
    router = await startSimulatedRouter(
      { flavour: "xr", timeScale: 0.001 },
      { consolePorts: [{ mode: "active" }, { mode: "pressReturn" }, { mode: "standby" }] }
    )
  })
  afterAll(() => router.stop())

  it("logs in over SSH with a password and answers a command", async () => {
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await shell.transcript.next(classicPrompt)
    shell.stream.write("show isis neighbor summary\r")
    const answer = await shell.transcript.next(classicPrompt)
    expect(answer).toContain("show isis neighbor summary")
    expect(answer).toContain("IS-IS CORE neighbor summary:")
    shell.close()
  })

  it("logs in over SSH with keyboard-interactive", async () => {
    const client = await sshConnect({ port: router.sshPort, username: "cisco", tryKeyboard: true }, (client) =>
      client.on("keyboard-interactive", (_name, _instructions, _language, _prompts, finish) => finish(["cisco"])))
    client.end()
    const refused = await sshConnect({ port: router.sshPort, username: "cisco", tryKeyboard: true }, (client) =>
      client.on("keyboard-interactive", (_name, _instructions, _language, _prompts, finish) => finish(["wrong"]))).catch((error: Error) => error)
    expect(refused).toMatchObject({ level: "client-authentication" })
  })

  it("runs the telnet login dialog after negotiating options", async () => {
    const telnet = await rawTelnet(router.telnetPort)
    expect(await telnet.transcript.next("Username: ")).toBe("\r\nUser Access Verification\r\n\r\nUsername: ")
    expect(telnet.negotiations).toEqual([{ verb: WILL, option: OPTION_ECHO }, { verb: WILL, option: OPTION_SUPPRESS_GO_AHEAD }])
    telnet.socket.write("cisco\r\n")
    expect(await telnet.transcript.next("Password: ")).toBe("cisco\r\nPassword: ")
    telnet.socket.write("wrong\r\n")
    expect(await telnet.transcript.next("Username: ")).toBe("\r\n% Authentication failed\r\n\r\nUsername: ")
    telnet.socket.write("cisco\r\n")
    await telnet.transcript.next("Password: ")
    telnet.socket.write("cisco\r\n")
    expect(await telnet.transcript.next(classicPrompt)).toBe(`\r\n${classicPrompt}`)
    telnet.socket.write("exit\r\n")
    await telnet.transcript.ended
  })

  it("meets each console port in its mode", async () => {
    const [active, pressReturn, standby] = await Promise.all(router.consolePorts.map(({ port }) => rawTelnet(port)))
    expect(await pressReturn!.transcript.next("Press RETURN to get started.")).toContain("Press RETURN to get started.")
    for (const console of [active!, pressReturn!]) {
      console.socket.write("\r\n")
      expect(await console.transcript.next("Username: ")).toContain("User Access Verification")
    }
    standby!.socket.write("\r\n")
    expect(await standby!.transcript.next("login /configuration")).toBe(
      "\r\nThis (D)RP Node is not ready or active for login /configuration"
    )
    for (const console of [active!, pressReturn!, standby!]) console.socket.destroy()
  })

  it("refuses connections while the fault is set, and accepts them again on the same ports", async () => {
    router.model.setFaults({ refuseConnections: true })
    expect(await connectionOutcome(router.sshPort)).toBe("ECONNREFUSED")
    expect(await connectionOutcome(router.telnetPort)).toBe("ECONNREFUSED")
    router.model.setFaults({})
    expect(await untilConnected(router.sshPort)).toBe("connected")
    expect(await untilConnected(router.telnetPort)).toBe("connected")
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await shell.transcript.next(classicPrompt)
    shell.close()
  })

  it("rejects every login while rejectAll is set", async () => {
    router.model.setFaults({ rejectAll: true })
    const failure = await sshConnect({ port: router.sshPort, username: "cisco", password: "cisco" }).catch((error: Error) => error)
    router.model.setFaults({})
    expect(failure).toMatchObject({ level: "client-authentication" })
  })
})

describe("a simulated eXR router behind the bastion", () => {
  let router: RunningSimulatedRouter<SimulatedRouter>
  let bastion: RunningBastion
  beforeAll(async () => {
    router = await startSimulatedRouter({ flavour: "exr", timeScale: 0.001 })
    bastion = await startBastion()
  })
  afterAll(async () => {
    await bastion.stop()
    await router.stop()
  })

  it("is reached over SSH through a forwarded channel", async () => {
    const jump = await sshConnect({ port: bastion.port, username: "csm", password: "csm" })
    const tunnel = await forwardTo(jump, router.sshPort)
    const shell = await sshShell({ sock: tunnel, username: "cisco", password: "cisco" })
    await shell.transcript.next(exrPrompt)
    shell.stream.write("show version\r")
    expect(await shell.transcript.next(exrPrompt)).toContain("Cisco IOS XR Software, Version 6.1.2")
    shell.close()
    jump.end()
  })

  it("is reached over telnet from the bastion's shell, login dialog included", async () => {
    const shell = await sshShell({ port: bastion.port, username: "csm", password: "csm" })
    await shell.transcript.next("[csm@bastion ~]$ ")
    shell.stream.write(`telnet 127.0.0.1 ${router.telnetPort}\r`)
    expect(await shell.transcript.next("Username: ")).toContain("Escape character is '^]'.\r\n\r\nUser Access Verification")
    shell.stream.write("cisco\r")
    await shell.transcript.next("Password: ")
    shell.stream.write("cisco\r")
    await shell.transcript.next(exrPrompt)
    shell.stream.write("exit\r")
    expect(await shell.transcript.next("[csm@bastion ~]$ ")).toContain("Connection closed by foreign host.")
    shell.close()
  })

  it("is unreachable from the bastion while it refuses connections", async () => {
    router.model.setFaults({ refuseConnections: true })
    const shell = await sshShell({ port: bastion.port, username: "csm", password: "csm" })
    await shell.transcript.next("[csm@bastion ~]$ ")
    shell.stream.write(`telnet 127.0.0.1 ${router.telnetPort}\r`)
    expect(await shell.transcript.next("[csm@bastion ~]$ ")).toContain("telnet: Unable to connect to remote host: Connection refused")
    router.model.setFaults({})
    shell.close()
  })
})
