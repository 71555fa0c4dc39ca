import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { LabRouter } from "./testing/simulated-lab.ts"
import {
  attemptWith,
  connectFailure,
  loginTo,
  startRouter,
  useLab,
  withConnection
} from "./testing/simulated-lab.ts"

/** The CLI session of a real connection: commands, the admin plane, faults. */
describe("connect: the session", () => {
  const lab = useLab()

  describe("the session", () => {
    it("sends commands and reads their output", async () => {
      const output = await withConnection(loginTo([lab.classic.ports.sshPort], "ssh"), attemptWith(), ({ session }) =>
        session.send("show install active summary", 1000)
      )
      expect(output).toMatch(/^ {2}Active Packages:|Default Profile:/m)
      expect(output).toContain("disk0:asr9k-mini-px-5.3.3")
      expect(output).not.toContain("RP/0/RSP0/CPU0:PE1#")
    })

    it("reports a syntax error with the command and goes on", async () => {
      const [error, after] = await withConnection(loginTo([lab.exr.ports.telnetPort], "telnet"), attemptWith(), ({ session }) =>
        Effect.all([Effect.flip(session.send("show fooo", 1000)), session.send("show version", 1000)])
      )
      expect(error).toMatchObject({ _tag: "CommandSyntaxError", command: "show fooo", message: "Command unknown" })
      expect(after).toContain("Version 6.1.2")
    })

    it("runs commands on the eXR admin VM and returns to XR", async () => {
      const [admin, xr] = await withConnection(loginTo([lab.exr.ports.sshPort], "ssh"), attemptWith(), ({ session }) =>
        Effect.all([session.admin(session.send("show install active", 1000)), session.send("show install active", 1000)])
      )
      expect(admin).toContain("asr9k-sysadmin-6.1.2")
      expect(admin).not.toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d/m)
      expect(xr).toContain("asr9k-xr-6.1.2")
    })
  })

  describe("faults", () => {
    let faulty: LabRouter
    beforeAll(async () => {
      faulty = await startRouter({ flavour: "xr" })
    })
    afterAll(() => faulty.ports.stop())

    it("a hung command times out with its name", async () => {
      faulty.model.setFaults({ hang: "^show platform$" })
      const error = await withConnection(loginTo([faulty.ports.telnetPort], "telnet"), attemptWith(), ({ session }) =>
        Effect.flip(session.send("show platform", 300))
      )
      expect(error).toMatchObject({ _tag: "CommandTimeout", message: "Command timeout: 'show platform'" })
    })

    it("a dropped session is an unexpected disconnect", async () => {
      faulty.model.setFaults({ drop: { pattern: "^show running-config$", after: "partialOutput" } })
      const error = await withConnection(loginTo([faulty.ports.sshPort], "ssh"), attemptWith(), ({ session }) =>
        Effect.flip(session.send("show running-config", 1000))
      )
      expect(error).toMatchObject({ _tag: "DeviceDisconnected", message: "Unexpected device disconnect" })
    })

    it("wrong credentials fail at once with Authentication failed, over telnet and SSH", async () => {
      faulty.model.setFaults({})
      for (const [type, port] of [
        ["telnet", faulty.ports.telnetPort],
        ["ssh", faulty.ports.sshPort]
      ] as const) {
        const attempt = attemptWith()
        const failure = await connectFailure(loginTo([port, port], type, { password: Redacted.make("wrong") }), attempt)
        expect(failure.message).toBe(`Connection error: 127.0.0.1:${port}: Authentication failed`)
        expect(attempt.statuses.filter((status) => status.startsWith("Connecting"))).toHaveLength(1)
      }
    })
  })
})
