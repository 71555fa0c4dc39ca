import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  attemptWith,
  closedPort,
  connectFailure,
  loginTo,
  startRouter,
  useLab,
  withConnection
} from "./testing/simulated-lab.ts"

/** Target lists, passes and the last error. */
describe("connect: targets", () => {
  const lab = useLab()

  describe("targets", () => {
    it("a silent device is a connection timeout, over telnet and SSH", async () => {
      const silent = await startRouter({ flavour: "xr", faults: { silentConnections: true } })
      try {
        for (const [type, port] of [
          ["telnet", silent.ports.telnetPort],
          ["ssh", silent.ports.sshPort]
        ] as const) {
          const failure = await connectFailure(loginTo([port], type), attemptWith())
          expect(failure.message).toBe(`Connection error: 127.0.0.1:${port}: Connection timeout`)
        }
      } finally {
        await silent.ports.stop()
      }
    })

    it("a reconnect makes passes until its budget is spent", async () => {
      const refused = await closedPort()
      const attempt = attemptWith({ budget: "reconnectBudget" })
      const failure = await connectFailure(loginTo([refused], "telnet"), attempt)
      expect(failure.message).toBe(`Connection error: 127.0.0.1:${refused}: Connection refused`)
      expect(attempt.statuses.filter((status) => status.startsWith("Connecting")).length).toBeGreaterThan(1)
    })

    it("tries the next target when the first refuses", async () => {
      const refused = await closedPort()
      const attempt = attemptWith()
      const connected = await withConnection(loginTo([refused, lab.classic.ports.telnetPort], "telnet"), attempt, (c) => Effect.succeed(c))
      expect(connected.target).toBe(`127.0.0.1:${lab.classic.ports.telnetPort}`)
      expect(attempt.statuses).toEqual([
        `Connecting to telnet://cisco@127.0.0.1:${refused} (target 1/2)`,
        `Connection error: 127.0.0.1:${refused}: Connection refused`,
        `Connecting to telnet://cisco@127.0.0.1:${lab.classic.ports.telnetPort} (target 2/2)`
      ])
    })

    it("starts with the preferred target", async () => {
      const refused = await closedPort()
      const attempt = attemptWith({ preferred: `127.0.0.1:${lab.classic.ports.sshPort}` })
      await withConnection(loginTo([refused, lab.classic.ports.sshPort], "ssh"), attempt, (c) => Effect.succeed(c))
      expect(attempt.statuses).toEqual([`Connecting to ssh://cisco@127.0.0.1:${lab.classic.ports.sshPort} (target 1/2)`])
    })

    it("moves past a standby console, and the last error is the job's", async () => {
      const standby = lab.classic.ports.consolePorts.find((port) => port.mode === "standby")?.port ?? 0
      const refused = await closedPort()
      const attempt = attemptWith()
      const failure = await connectFailure(loginTo([standby, refused], "telnet"), attempt)
      expect(attempt.statuses).toContain(`Connection error: 127.0.0.1:${standby}: Standby console`)
      expect(failure.message).toBe(`Connection error: 127.0.0.1:${refused}: Connection refused`)
    })
  })
})
