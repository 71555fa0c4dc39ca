import * as net from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { connectionOutcome, rawTelnet, sshShell, untilConnected } from "./testing/clients.ts"
import { echoPrompt, makeEchoModel } from "./testing/echo-model.ts"

/** Connects and reports how the connection ended and how many bytes came before that. */
const connectAndWaitForEnd = (port: number) =>
  new Promise<{ code: string; received: number }>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    let received = 0
    let code = "closed"
    socket.on("data", (chunk) => {
      received += chunk.length
    })
    socket.on("error", (error: NodeJS.ErrnoException) => {
      code = error.code ?? error.message
    })
    socket.once("close", () => resolve({ code, received }))
  })

describe("how the simulated router meets new connections", () => {
  const model = makeEchoModel()
  let router: RunningSimulatedRouter
  beforeAll(async () => {
    router = await startSimulatedRouter(model, { consolePorts: [{ mode: "active" }] })
  })
  afterAll(() => router.stop())

  it("refuses on every port while refusing, and accepts again on the same ports afterwards", async () => {
    const ports = [router.sshPort, router.telnetPort, router.consolePorts[0]!.port]
    model.setConnectionMode("refuse")
    expect(await Promise.all(ports.map(connectionOutcome))).toEqual(["ECONNREFUSED", "ECONNREFUSED", "ECONNREFUSED"])
    model.setConnectionMode("accept")
    expect(await Promise.all(ports.map((port) => untilConnected(port)))).toEqual(["connected", "connected", "connected"])
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    expect(await shell.transcript.next(echoPrompt)).toContain("hello")
    shell.close()
  })

  it("keeps sessions that were open when refusing started", async () => {
    const telnet = await rawTelnet(router.telnetPort)
    await telnet.transcript.next(echoPrompt)
    model.setConnectionMode("refuse")
    telnet.socket.write("still here\r")
    expect(await telnet.transcript.next(echoPrompt)).toContain("you said: still here")
    model.setConnectionMode("accept")
    telnet.socket.destroy()
    expect(await untilConnected(router.telnetPort)).toBe("connected")
  })

  it("resets connections while resetting", async () => {
    model.setConnectionMode("reset")
    expect(await connectAndWaitForEnd(router.sshPort)).toEqual({ code: "ECONNRESET", received: 0 })
    expect(await connectAndWaitForEnd(router.telnetPort)).toEqual({ code: "ECONNRESET", received: 0 })
    model.setConnectionMode("accept")
  })

  it("accepts and never answers while silent", async () => {
    model.setConnectionMode("silent")
    const checked = model.modeChecks.count()
    const silent = await Promise.all([router.sshPort, router.telnetPort].map((port) => rawTelnet(port)))
    await model.modeChecks.reached(checked + 2) // both connections met while silent
    model.setConnectionMode("accept")
    // the later connections are answered at once, so anything owed to the silent ones would be there by now
    const answered = await rawTelnet(router.telnetPort)
    await answered.transcript.next(echoPrompt)
    const ssh = await rawTelnet(router.sshPort)
    await ssh.transcript.next("SSH-2.0-")
    expect(silent.map((connection) => connection.transcript.text())).toEqual(["", ""])
    expect(silent.map((connection) => connection.negotiations.length)).toEqual([0, 0])
    for (const connection of [...silent, answered, ssh]) connection.socket.destroy()
  })
})
