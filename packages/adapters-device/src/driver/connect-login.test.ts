import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  attemptWith,
  classicDevice,
  eventually,
  exrDevice,
  loginTo,
  password,
  startRouter,
  useLab,
  withConnection
} from "./testing/simulated-lab.ts"

/** `connect` against simulated routers over real sockets: logging in, discovery, closing. */
describe("connect: login and discovery", () => {
  const lab = useLab()

  const discovered = (ports: ReadonlyArray<number>, type: "telnet" | "ssh", attempt = attemptWith()) =>
    withConnection(loginTo(ports, type), attempt, (connected) => Effect.succeed(connected))

  describe("login and discovery", () => {
    it("classic XR over telnet", async () => {
      const attempt = attemptWith()
      const connected = await discovered([lab.classic.ports.telnetPort], "telnet", attempt)
      expect(connected.device).toEqual(classicDevice)
      expect(connected.target).toBe(`127.0.0.1:${lab.classic.ports.telnetPort}`)
      expect(connected.session.url).toBe(`telnet://cisco@127.0.0.1:${lab.classic.ports.telnetPort}`)
      expect(attempt.statuses).toEqual([`Connecting to telnet://cisco@127.0.0.1:${lab.classic.ports.telnetPort} (target 1/1)`])
      expect(attempt.recorder.transcriptText()).toContain("RP/0/RSP0/CPU0:PE1#terminal exec prompt no-timestamp")
      expect(attempt.recorder.transcriptText()).not.toContain(password)
      expect(attempt.recorder.secrets).toContain(password)
    })

    it("classic XR over SSH", async () => {
      const attempt = attemptWith()
      expect((await discovered([lab.classic.ports.sshPort], "ssh", attempt)).device).toEqual(classicDevice)
      expect(attempt.recorder.steps.some((step) => /Accepted the host key .* \(SHA256 [0-9a-f]+\)/.test(step.message))).toBe(true)
    })

    it("eXR over SSH", async () => {
      expect((await discovered([lab.exr.ports.sshPort], "ssh")).device).toEqual(exrDevice)
    })

    it("eXR over telnet", async () => {
      const attempt = attemptWith()
      expect((await discovered([lab.exr.ports.telnetPort], "telnet", attempt)).device).toEqual(exrDevice)
      // `show version brief` is a syntax error on eXR: discovery falls back to `show version`
      expect(attempt.recorder.transcriptText()).toContain("ios#show version\n")
    })

    it("a logged-in console port is seen as a console", async () => {
      const console = lab.classic.ports.consolePorts.find((port) => port.mode === "active")?.port ?? 0
      expect((await discovered([console], "telnet")).device.console).toBe(true)
    })

    it("a console port that asks to press return", async () => {
      const console = lab.classic.ports.consolePorts.find((port) => port.mode === "pressReturn")?.port ?? 0
      expect((await discovered([console], "telnet")).device).toEqual({ ...classicDevice, console: true })
    })
  })

  describe("clean-up", () => {
    it("closes the connection with the Scope, and on session.close (twice is fine)", async () => {
      const router = await startRouter({ flavour: "exr" })
      try {
        await withConnection(loginTo([router.ports.sshPort], "ssh"), attemptWith(), () => Effect.void)
        await eventually(() => router.model.state().openSessions === 0)
        const stillOpen = await withConnection(loginTo([router.ports.telnetPort], "telnet"), attemptWith(), ({ session }) =>
          session.close.pipe(
            Effect.andThen(session.close),
            Effect.andThen(Effect.promise(() => eventually(() => router.model.state().openSessions === 0))),
            Effect.andThen(Effect.flip(session.send("show users", 500)))
          )
        )
        expect(stillOpen).toMatchObject({ _tag: "DeviceDisconnected" })
      } finally {
        await router.ports.stop()
      }
    })
  })
})
