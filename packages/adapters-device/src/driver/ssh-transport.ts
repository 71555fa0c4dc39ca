import { StringDecoder } from "node:string_decoder"
import type { Duplex } from "node:stream"
import { Effect } from "effect"
import type { Scope } from "effect"
import ssh2 from "ssh2"
import type { Client as SshClient, ClientChannel } from "ssh2"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { TargetFailed } from "./connection-failure.ts"
import { fatalFailure, reasonOfSocketError, targetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import type { DeviceReader } from "./device-reader.ts"
import { scopedResource } from "./scoped-resource.ts"
import type { Target } from "./targets.ts"

const { Client } = ssh2

/**
 * SSH with ssh2 (DEVICE.md §2.1, §2.2): password or keyboard-interactive login (every prompt gets the
 * password), host keys accepted with their fingerprint logged, an interactive shell on a wide vt100
 * pty. Clients and channels close with the Scope.
 */

export interface SshLogin {
  readonly username: string | undefined
  readonly password: string | undefined
}

const failureOf = (target: Target, error: Error & { readonly level?: unknown; readonly code?: unknown }): TargetFailed => {
  if (error.level === "client-authentication") return targetFailed(target, "Authentication failed", true)
  if (error.level === "client-timeout") return targetFailed(target, "Connection timeout")
  return targetFailed(target, reasonOfSocketError(error))
}

const handshake = (
  target: Target,
  login: { readonly username: string; readonly password: string },
  options: { readonly timeoutMs: number; readonly recorder: SessionRecorder; readonly sock: Duplex | undefined }
) =>
  Effect.callback<SshClient, TargetFailed>((resume) => {
    const client = new Client()
    // Only the first outcome counts; later errors (the end of a destroyed handshake, a connection lost
    // after `ready`, which the shell sees as its end) still need a listener, or they would be thrown.
    let settled = false
    client.once("ready", () => {
      settled = true
      resume(Effect.succeed(client))
    })
    client.on("error", (error: Error) => {
      if (settled) return
      settled = true
      client.destroy()
      resume(Effect.fail(failureOf(target, error)))
    })
    client.on("keyboard-interactive", (_name, _instructions, _language, prompts, finish) =>
      finish(prompts.map(() => login.password))
    )
    client.connect({
      host: target.host,
      port: target.port,
      username: login.username,
      password: login.password,
      tryKeyboard: true,
      readyTimeout: options.timeoutMs,
      ...(options.sock === undefined ? {} : { sock: options.sock }),
      hostHash: "sha256",
      hostVerifier: (fingerprint: string) => {
        options.recorder.step("INFO", "Connection", `Accepted the host key of ${target.host}:${target.port} (SHA256 ${fingerprint})`)
        return true
      }
    })
    return Effect.sync(() => client.destroy())
  })

/** An authenticated SSH client to `target`, directly or over `sock` (a channel through a jump host). */
export const connectSsh = (
  target: Target,
  login: SshLogin,
  options: { readonly timeoutMs: number; readonly recorder: SessionRecorder; readonly sock?: Duplex }
): Effect.Effect<SshClient, TargetFailed, Scope.Scope> => {
  const { username, password } = login
  if (username === undefined || username === "") return Effect.fail(fatalFailure("Username not provided"))
  if (password === undefined || password === "") return Effect.fail(fatalFailure("Password not provided"))
  options.recorder.secret(password)
  return scopedResource(handshake(target, { username, password }, { ...options, sock: options.sock }), (client) => client.destroy())
}

/** A channel from the jump host to `target` (`direct-tcpip`); a refusal there is the target's "Connection refused". */
export const forwardTo = (jump: SshClient, target: Target): Effect.Effect<ClientChannel, TargetFailed, Scope.Scope> =>
  scopedResource(
    Effect.callback<ClientChannel, TargetFailed>((resume) => {
      jump.forwardOut("127.0.0.1", 0, target.host, target.port, (error, channel) =>
        resume(error instanceof Error ? Effect.fail(targetFailed(target, reasonOfForwardError(error))) : Effect.succeed(channel))
      )
    }),
    (channel) => channel.destroy()
  )

const reasonOfForwardError = (error: Error): string =>
  /unknown host|resolve/i.test(error.message) ? "Unknown host" : "Connection refused"

/** The interactive shell: a `vt100` pty of 512×240, so that the device neither pages nor wraps. */
export const openShell = (client: SshClient, target: Target, reader: DeviceReader): Effect.Effect<DeviceLink, TargetFailed, Scope.Scope> =>
  scopedResource(
    Effect.callback<ClientChannel, TargetFailed>((resume) => {
      client.shell({ term: "vt100", cols: 512, rows: 240, width: 0, height: 0 }, (error, channel) =>
        resume(error instanceof Error ? Effect.fail(targetFailed(target, error.message)) : Effect.succeed(channel))
      )
    }),
    (channel) => channel.destroy()
  ).pipe(
    Effect.map((channel) => {
      const text = new StringDecoder("utf8")
      channel.on("data", (chunk: Buffer) => reader.push(text.write(chunk)))
      channel.stderr.on("data", (chunk: Buffer) => reader.push(chunk.toString("utf8")))
      channel.on("error", () => {}) // followed by "close": the reader sees the end
      channel.once("close", () => reader.end())
      return {
        reader,
        write: (typed: string) => {
          if (channel.writable) channel.write(typed)
        },
        enter: "\r"
      }
    })
  )
