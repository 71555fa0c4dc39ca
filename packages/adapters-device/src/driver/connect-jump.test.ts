import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import {
  attemptWith,
  classicDevice,
  closedPort,
  connectFailure,
  exrDevice,
  loginTo,
  password,
  startRouter,
  useLab,
  withConnection
} from "./testing/simulated-lab.ts"
import { startTelnetJumpHost } from "./testing/telnet-jump-host.ts"

/** Jump hosts: the simulated bastion (SSH) and a test telnet jump host. */
describe("connect: jump hosts", () => {
  const lab = useLab()

  describe("jump hosts", () => {
    const viaBastion = (type: "telnet" | "ssh") => ({
      jump_host: {
        connection_type: "ssh" as const,
        host_or_ip: "127.0.0.1",
        port_number: lab.bastion.port,
        username: "csm",
        password: Redacted.make("csm")
      },
      connection_type: type
    })

    it("SSH to SSH through forwardOut", async () => {
      const connected = await withConnection(loginTo([lab.exr.ports.sshPort], "ssh", viaBastion("ssh")), attemptWith(), (c) =>
        Effect.succeed(c)
      )
      expect(connected.device).toEqual(exrDevice)
    })

    it("SSH to telnet through the jump host's shell", async () => {
      const attempt = attemptWith()
      const connected = await withConnection(loginTo([lab.classic.ports.telnetPort], "telnet", viaBastion("telnet")), attempt, (c) =>
        Effect.succeed(c)
      )
      expect(connected.device).toEqual(classicDevice)
      expect(attempt.recorder.transcriptText()).toContain(`telnet 127.0.0.1 ${lab.classic.ports.telnetPort}`)
    })

    it("telnet to telnet through a telnet jump host's shell", async () => {
      const jumpHost = await startTelnetJumpHost({ username: "jumper", password: "jump-secret" })
      try {
        const viaTelnet = {
          jump_host: {
            connection_type: "telnet" as const,
            host_or_ip: "127.0.0.1",
            port_number: jumpHost.port,
            username: "jumper",
            password: Redacted.make("jump-secret")
          }
        }
        const attempt = attemptWith()
        const connected = await withConnection(loginTo([lab.exr.ports.telnetPort], "telnet", viaTelnet), attempt, (c) => Effect.succeed(c))
        expect(connected.device).toEqual(exrDevice)
        expect(attempt.recorder.secrets).toEqual(expect.arrayContaining(["jump-secret", password]))
        const refused = await closedPort()
        const failure = await connectFailure(loginTo([refused], "telnet", viaTelnet), attemptWith())
        expect(failure.message).toBe(`Connection error: 127.0.0.1:${refused}: Connection refused`)
      } finally {
        await jumpHost.stop()
      }
    })

    it("a device hanging up behind the jump host's shell is a disconnect", async () => {
      const dropping = await startRouter({ flavour: "xr", faults: { drop: { pattern: "^show platform$", after: "echo" } } })
      try {
        const error = await withConnection(loginTo([dropping.ports.telnetPort], "telnet", viaBastion("telnet")), attemptWith(), ({ session }) =>
          Effect.flip(session.send("show platform", 5000))
        )
        expect(error).toMatchObject({ _tag: "DeviceDisconnected", message: "Unexpected device disconnect" })
      } finally {
        await dropping.ports.stop()
      }
    })

    it("a refused hop is the target's Connection refused", async () => {
      const refused = await closedPort()
      for (const type of ["ssh", "telnet"] as const) {
        const failure = await connectFailure(loginTo([refused], type, viaBastion(type)), attemptWith())
        expect(failure.message).toBe(`Connection error: 127.0.0.1:${refused}: Connection refused`)
      }
    })
  })
})
