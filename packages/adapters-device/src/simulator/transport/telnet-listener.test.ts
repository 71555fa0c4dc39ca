import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { DO, IAC, OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD, SB, SE, WILL } from "./telnet-iac.ts"
import { rawTelnet } from "./testing/clients.ts"
import { echoPrompt, makeEchoModel } from "./testing/echo-model.ts"

const TERMINAL_TYPE = 24

describe("the simulated router's telnet and console ports", () => {
  const model = makeEchoModel()
  let router: RunningSimulatedRouter
  beforeAll(async () => {
    router = await startSimulatedRouter(model, {
      consolePorts: [{ mode: "active" }, { mode: "pressReturn" }, { mode: "standby" }]
    })
  })
  afterAll(() => router.stop())

  it("offers to echo and to suppress go-ahead, then opens a telnet session", async () => {
    const telnet = await rawTelnet(router.telnetPort)
    expect(await telnet.transcript.next(echoPrompt)).toBe(`hello {"transport":"telnet"}\r\n${echoPrompt}`)
    expect(telnet.negotiations).toEqual([{ verb: WILL, option: OPTION_ECHO }, { verb: WILL, option: OPTION_SUPPRESS_GO_AHEAD }])
    telnet.socket.destroy()
  })

  it("passes only the text to the session, whatever the client negotiates and however it is split", async () => {
    const telnet = await rawTelnet(router.telnetPort)
    await telnet.transcript.next(echoPrompt)
    const typed = Buffer.concat([
      Buffer.from([IAC, DO, OPTION_ECHO, IAC, DO, OPTION_SUPPRESS_GO_AHEAD]),
      Buffer.from("sh"),
      Buffer.from([IAC, SB, TERMINAL_TYPE, 0]),
      Buffer.from("VT100"),
      Buffer.from([IAC, SE]),
      Buffer.from("ow\r\n")
    ])
    for (const byte of typed) telnet.socket.write(Buffer.from([byte]))
    expect(await telnet.transcript.next(echoPrompt)).toBe(`show\r\nyou said: show\r\n${echoPrompt}`)
    telnet.socket.destroy()
  })

  it("closes the connection when the model closes the session", async () => {
    const telnet = await rawTelnet(router.telnetPort)
    await telnet.transcript.next(echoPrompt)
    telnet.socket.write("exit\r\n")
    await telnet.transcript.ended
    expect(telnet.transcript.text()).toMatch(/exit$/)
  })

  it("opens each console port as a console session in its mode", async () => {
    const kinds = []
    for (const { port } of router.consolePorts) {
      const telnet = await rawTelnet(port)
      kinds.push(await telnet.transcript.next(echoPrompt))
      telnet.socket.destroy()
    }
    expect(kinds).toEqual(
      ["active", "pressReturn", "standby"].map((mode) => `hello {"transport":"console","mode":"${mode}"}\r\n${echoPrompt}`)
    )
    expect(new Set(router.consolePorts.map(({ port }) => port)).size).toBe(3)
  })

  it("turns a console port standby for the connections that follow", async () => {
    const { port } = router.consolePorts[0]!
    const before = await rawTelnet(port)
    expect(await before.transcript.next(echoPrompt)).toContain(`"mode":"active"`)
    router.setConsoleMode(port, "standby")
    const after = await rawTelnet(port)
    expect(await after.transcript.next(echoPrompt)).toContain(`"mode":"standby"`)
    before.socket.write("still active\r")
    expect(await before.transcript.next(echoPrompt)).toContain("you said: still active")
    expect(router.consolePorts[0]).toEqual({ port, mode: "standby" })
    router.setConsoleMode(port, "active")
    for (const telnet of [before, after]) telnet.socket.destroy()
  })
})
