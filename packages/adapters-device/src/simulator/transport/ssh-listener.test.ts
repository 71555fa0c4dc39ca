import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { sshConnect, sshShell } from "./testing/clients.ts"
import { echoPrompt, makeEchoModel } from "./testing/echo-model.ts"

describe("the simulated router's SSH port", () => {
  const model = makeEchoModel()
  let router: RunningSimulatedRouter
  beforeAll(async () => {
    router = await startSimulatedRouter(model)
  })
  afterAll(() => router.stop())

  it("logs in with a password, opens a shell session for the user and carries a command both ways", async () => {
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    expect(await shell.transcript.next(echoPrompt)).toBe(`hello {"transport":"ssh","username":"cisco"}\r\n${echoPrompt}`)
    shell.stream.write("show version\r")
    expect(await shell.transcript.next(echoPrompt)).toBe(`show version\r\nyou said: show version\r\n${echoPrompt}`)
    shell.close()
  })

  it("logs in with keyboard-interactive: one `Password: ` prompt without echo", async () => {
    const prompts: Array<unknown> = []
    const client = await sshConnect({ port: router.sshPort, username: "cisco", tryKeyboard: true }, (client) =>
      client.on("keyboard-interactive", (_name, _instructions, _language, asked, finish) => {
        prompts.push(asked)
        finish(["cisco"])
      }))
    expect(prompts).toEqual([[{ prompt: "Password: ", echo: false }]])
    client.end()
  })

  it("rejects a wrong password as a client-authentication error", async () => {
    const failure = await sshConnect({ port: router.sshPort, username: "cisco", password: "wrong" }).catch((error: Error & { level?: string }) => error)
    expect(failure).toMatchObject({ level: "client-authentication" })
  })

  it("ends the channel and the connection when the model closes the session", async () => {
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await shell.transcript.next(echoPrompt)
    const clientClosed = new Promise<void>((resolve) => shell.client.once("close", () => resolve()))
    shell.stream.write("exit\r")
    await shell.transcript.ended
    await clientClosed
    expect(shell.transcript.text()).toContain("exit")
  })

  it("tells the model when the client goes away", async () => {
    const endedBefore = model.sessionsEnded.count()
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await shell.transcript.next(echoPrompt)
    shell.close()
    await model.sessionsEnded.reached(endedBefore + 1)
    expect(model.sessionsEnded.count()).toBe(endedBefore + 1)
  })
})
