import type { Duplex } from "node:stream"
import { Effect, Redacted } from "effect"
import type { Scope } from "effect"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { Timing } from "../timing/timing-profile.ts"
import type { JumpLogin, LoginTarget } from "./connect-request.ts"
import type { TargetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import type { DeviceReader } from "./device-reader.ts"
import { awaitJumpPrompt, hopCommand, typeHop } from "./jump-hop.ts"
import { runLoginDialog } from "./login.ts"
import { connectSsh, forwardTo, openShell } from "./ssh-transport.ts"
import type { Target } from "./targets.ts"
import { defaultPort } from "./targets.ts"
import { openTelnet } from "./telnet-transport.ts"

/**
 * A logged-in link to one target, by the transport and jump host of DEVICE.md §2.1 (the table's
 * rows, in order). Everything opened here closes with the Scope.
 */

export interface LinkContext {
  readonly login: LoginTarget
  readonly timing: Timing
  readonly recorder: SessionRecorder
  readonly reader: DeviceReader
}

const opened = (secret: Redacted.Redacted<string> | undefined): string | undefined =>
  secret === undefined ? undefined : Redacted.value(secret)

const jumpTargetOf = (jump: JumpLogin): Target => ({
  host: jump.host_or_ip,
  port: jump.port_number ?? defaultPort(jump.connection_type)
})

export const openLink = (context: LinkContext, target: Target): Effect.Effect<DeviceLink, TargetFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const { login, timing, recorder, reader } = context
    const device = { username: login.username, password: opened(login.password) }
    const sshOptions = (sock?: Duplex) => ({
      timeoutMs: timing.timeoutMs("tcpConnectSsh"),
      recorder,
      ...(sock === undefined ? {} : { sock })
    })
    const deviceDialog = (link: DeviceLink, until: "device" | "device-over-jump") =>
      runLoginDialog({ link, timing, recorder, target, ...device, until })
    const jump = login.jump_host

    if (jump === undefined) {
      if (login.connection_type === "ssh") return yield* openShell(yield* connectSsh(target, device, sshOptions()), target, reader)
      const link = yield* openTelnet(target, timing.timeoutMs("tcpConnectTelnet"), reader)
      yield* deviceDialog(link, "device")
      return link
    }

    const jumpTarget = jumpTargetOf(jump)
    const jumpLogin = { username: jump.username, password: opened(jump.password) }
    if (jump.connection_type === "ssh") {
      const jumpClient = yield* connectSsh(jumpTarget, jumpLogin, sshOptions())
      if (login.connection_type === "ssh") {
        const channel = yield* forwardTo(jumpClient, target)
        return yield* openShell(yield* connectSsh(target, device, sshOptions(channel)), target, reader)
      }
      const link = yield* openShell(jumpClient, jumpTarget, reader)
      yield* awaitJumpPrompt(link, timing, jumpTarget)
      yield* typeHop(link, hopCommand("telnet", target, login.username), timing, jumpTarget)
      yield* deviceDialog(link, "device-over-jump")
      return link
    }

    const link = yield* openTelnet(jumpTarget, timing.timeoutMs("tcpConnectTelnet"), reader)
    yield* runLoginDialog({ link, timing, recorder, target: jumpTarget, ...jumpLogin, until: "jump" })
    yield* typeHop(link, hopCommand(login.connection_type, target, login.username), timing, jumpTarget)
    yield* deviceDialog(link, "device-over-jump")
    return link
  })
