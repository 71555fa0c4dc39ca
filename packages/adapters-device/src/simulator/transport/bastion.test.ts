import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startBastion } from "./bastion.ts"
import type { RunningBastion } from "./bastion.ts"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { forwardTo, sshConnect, sshShell, unusedPort } from "./testing/clients.ts"
import type { ShellSession } from "./testing/clients.ts"
import { echoPrompt, makeEchoModel } from "./testing/echo-model.ts"

const bastionPrompt = "[csm@bastion ~]$ "

describe("the bastion", () => {
  let router: RunningSimulatedRouter
  let bastion: RunningBastion
  let shell: ShellSession
  beforeAll(async () => {
    router = await startSimulatedRouter(makeEchoModel())
    bastion = await startBastion()
    shell = await sshShell({ port: bastion.port, username: "csm", password: "csm" })
    await shell.transcript.next(bastionPrompt)
  })
  afterAll(async () => {
    shell.close()
    await bastion.stop()
    await router.stop()
  })

  const type = async (line: string, until: string) => {
    shell.stream.write(`${line}\r`)
    return shell.transcript.next(until)
  }

  it("forwards a direct-tcpip channel to the router's SSH port", async () => {
    const jump = await sshConnect({ port: bastion.port, username: "csm", password: "csm" })
    const tunnel = await forwardTo(jump, router.sshPort)
    const hop = await sshShell({ sock: tunnel, username: "cisco", password: "cisco" })
    expect(await hop.transcript.next(echoPrompt)).toContain(`"transport":"ssh"`)
    hop.stream.write("show clock\r")
    expect(await hop.transcript.next(echoPrompt)).toContain("you said: show clock")
    hop.close()
    jump.end()
  })

  it("rejects a direct-tcpip channel to a port that refuses", async () => {
    const jump = await sshConnect({ port: bastion.port, username: "csm", password: "csm" })
    const closed = await unusedPort()
    const failure = await new Promise<Error | undefined>((resolve) =>
      jump.forwardOut("127.0.0.1", 0, "127.0.0.1", closed, (error) => resolve(error))
    )
    const connectFailed = 2 // SSH_OPEN_CONNECT_FAILED, RFC 4254 §5.1
    expect(failure).toMatchObject({ reason: connectFailed })
    jump.end()
  })

  it("rejects a wrong password", async () => {
    const failure = await sshConnect({ port: bastion.port, username: "csm", password: "nope" }).catch((error: Error) => error)
    expect(failure).toMatchObject({ level: "client-authentication" })
  })

  it("answers uname -sr and says command not found to anything else", async () => {
    expect(await type("uname -sr", bastionPrompt)).toBe(`uname -sr\r\nLinux 5.15.0\r\n${bastionPrompt}`)
    expect(await type("show version", bastionPrompt)).toBe(`show version\r\n-bash: show: command not found\r\n${bastionPrompt}`)
    expect(await type("", bastionPrompt)).toBe(`\r\n${bastionPrompt}`)
  })

  it("hops on with telnet <host> <port>, pipes the session, and comes back when the target closes", async () => {
    const opened = await type(`telnet 127.0.0.1 ${router.telnetPort}`, echoPrompt)
    expect(opened).toBe(
      `telnet 127.0.0.1 ${router.telnetPort}\r\nTrying 127.0.0.1...\r\nConnected to 127.0.0.1.\r\nEscape character is '^]'.\r\n` +
        `hello {"transport":"telnet"}\r\n${echoPrompt}`
    )
    expect(await type("show users", echoPrompt)).toBe(`show users\r\nyou said: show users\r\n${echoPrompt}`)
    expect(await type("exit", bastionPrompt)).toBe(`exit\r\nConnection closed by foreign host.\r\n${bastionPrompt}`)
    expect(await type("uname -sr", bastionPrompt)).toContain("Linux 5.15.0")
  })

  it("says so when telnet cannot connect", async () => {
    const closed = await unusedPort()
    expect(await type(`telnet 127.0.0.1 ${closed}`, bastionPrompt)).toBe(
      `telnet 127.0.0.1 ${closed}\r\nTrying 127.0.0.1...\r\ntelnet: Unable to connect to remote host: Connection refused\r\n${bastionPrompt}`
    )
  })

  it("ends the session on exit", async () => {
    const other = await sshShell({ port: bastion.port, username: "csm", password: "csm" })
    await other.transcript.next(bastionPrompt)
    other.stream.write("exit\r")
    await other.transcript.ended
    expect(other.transcript.text()).toContain("logout")
    other.close()
  })
})
