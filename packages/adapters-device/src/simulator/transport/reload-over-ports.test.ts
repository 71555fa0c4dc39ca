import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { SimulatedRouter } from "../simulated-router.ts"
import { startSimulatedRouter } from "./start-simulated-router.ts"
import type { RunningSimulatedRouter } from "./start-simulated-router.ts"
import { connectionModeBecomes, connectionOutcome, sshShell, untilConnected } from "./testing/clients.ts"

/** DEVICE.md §9.4 over real sockets: a reload drops the session, refuses connections while booting, then logs in again. */

const prompt = "RP/0/RSP0/CPU0:PE1#"
const reloadPie = "asr9k-px-5.3.3.CSCuy20115.pie"

describe("a classic router reloading", () => {
  let router: RunningSimulatedRouter<SimulatedRouter>
  beforeAll(async () => {
    // boot lasts 0.5 s of real time: long enough to be seen refusing, short enough for a fast test
    router = await startSimulatedRouter({ flavour: "xr", timeScale: 0.001, durations: { boot: 500 } })
  })
  afterAll(() => router.stop())

  it("drops the session, refuses while booting, and accepts on the same port afterwards", async () => {
    const shell = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await shell.transcript.next(prompt)
    shell.stream.write(`admin install add source tftp://10.1.1.10/images/533 ${reloadPie} async\r`)
    await shell.transcript.next(/Install operation 1 completed successfully/)
    shell.stream.write("admin install activate disk0:asr9k-px-5.3.3.CSCuy20115-1.0.0 prompt-level none async\r")
    await shell.transcript.next(/Parallel Reload/)
    await shell.transcript.ended
    expect(await connectionOutcome(router.sshPort)).toBe("ECONNREFUSED")
    expect(await connectionOutcome(router.telnetPort)).toBe("ECONNREFUSED")
    expect(router.model.connectionMode()).toBe("refuse")
    await connectionModeBecomes(router.model, "accept")
    expect(await untilConnected(router.sshPort)).toBe("connected")
    const again = await sshShell({ port: router.sshPort, username: "cisco", password: "cisco" })
    await again.transcript.next(prompt)
    again.stream.write("show install active summary\r")
    expect(await again.transcript.next(prompt)).toContain("disk0:asr9k-px-5.3.3.CSCuy20115-1.0.0")
    again.close()
  })
})
