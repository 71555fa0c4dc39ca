import { Effect } from "effect"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import { CommandSyntaxError, CommandTimeout, CommandTooLong, DeviceDisconnected } from "../session/device-errors.ts"
import type { CommandError } from "../session/device-errors.ts"
import type { DeviceSession } from "../session/device-session.ts"
import type { Timing } from "../timing/timing-profile.ts"
import type { DeviceLink } from "./device-link.ts"
import type { ReadEnded, ReadTimeout } from "./device-reader.ts"
import { dropLeadingTimestamp, dropTimestampLines, literal } from "./expect-buffer.ts"
import type { Plane } from "./prompts.ts"
import { adminVmPrompt, promptPattern } from "./prompts.ts"

/**
 * The `DeviceSession` over a logged-in link (DEVICE.md §2.4): typing with an echo wait, the prompt of
 * the current plane, the events of the §2.4 table, and the eXR admin plane.
 */

const syntaxErrors: Record<Plane, RegExp> = {
  xr: /% Invalid input detected at '\^' marker\.|% Incomplete command\.|% Ambiguous command:|syntax error: unknown argument/,
  admin: /syntax error: expecting|% Invalid input detected at '\^' marker\./
}
const more = / --More-- /
const bufferOverflow = /Error: input buffer overflow/
/** A jump host's telnet client reporting the device's hang-up (`Connection closed by foreign host.`): no EOF follows. */
const connectionClosed = /(?:^|\n)Connection closed/
const adminUsername = /[Uu]sername:\s?/
const adminPassword = /[Pp]assword:\s?/

interface CurrentPrompt {
  readonly plane: Plane
  readonly pattern: RegExp
}

export interface CliSessionOptions {
  readonly link: DeviceLink
  readonly url: string
  readonly prompt: CurrentPrompt
  readonly timing: Timing
  readonly recorder: SessionRecorder
  /** The login, for the admin VM's own `Username:`/`Password:`. */
  readonly username: string | undefined
  readonly password: string | undefined
  readonly close: Effect.Effect<void>
}

type Reply = { readonly matched: number | "prompt"; readonly output: string }

/** The text after the echo line (or the secret's Enter), less timestamp lines. */
const outputOf = (plane: Plane, raw: string): string => {
  const newline = raw.indexOf("\n")
  const body = newline === -1 ? "" : raw.slice(newline + 1)
  return plane === "admin" ? dropTimestampLines(body) : dropLeadingTimestamp(body)
}

export const makeCliSession = (options: CliSessionOptions): DeviceSession => {
  const { link, timing, recorder } = options
  let current: CurrentPrompt = options.prompt
  let unsolicited = ""

  const disconnected = () => new DeviceDisconnected({ message: "Unexpected device disconnect" })
  const readFailure = (command: string) => (error: ReadTimeout | ReadEnded): CommandError =>
    error._tag === "ReadEnded" ? disconnected() : new CommandTimeout({ command, message: `Command timeout: '${command}'` })

  const logSent = (shown: string, timeoutMs: number) =>
    Effect.sync(() => recorder.step("INFO", "Command", `Sending '${shown}' (timeout ${timeoutMs / 1000} s)`))

  /** Types `command`, waits for its echo (earlier text is unsolicited), then presses Enter. */
  const typeCommand = (command: string) =>
    Effect.sync(() => link.write(command)).pipe(
      Effect.andThen(link.reader.expect([new RegExp(literal(command))], timing.timeoutMs("echo"))),
      Effect.tap((echo) =>
        Effect.sync(() => {
          unsolicited += echo.before
          link.write(link.enter)
        })
      ),
      Effect.mapError(readFailure(command))
    )

  /** After Enter: the first of `patterns` or the prompt, paging through `--More--`. */
  const awaitReply = (command: string, patterns: ReadonlyArray<RegExp>, timeoutMs: number): Effect.Effect<Reply, CommandError> =>
    // The plane is read when the wait starts: an effect built outside `admin` may run inside it.
    Effect.suspend(() => awaitReplyOn(current, command, patterns, timeoutMs))

  const awaitReplyOn = (
    { plane, pattern }: CurrentPrompt,
    command: string,
    patterns: ReadonlyArray<RegExp>,
    timeoutMs: number
  ): Effect.Effect<Reply, CommandError> => {
    const events = [...patterns, pattern, syntaxErrors[plane], more, bufferOverflow, connectionClosed]
    const promptIndex = patterns.length
    const untilPrompt = (collected: string) =>
      link.reader.expect([pattern], timeoutMs).pipe(Effect.map((match) => collected + match.before))
    const loop = (collected: string): Effect.Effect<Reply, CommandError> =>
      link.reader.expect(events, timeoutMs).pipe(
        Effect.mapError(readFailure(command)),
        Effect.flatMap((match): Effect.Effect<Reply, CommandError> => {
          const text = collected + match.before
          if (match.index < promptIndex) return Effect.succeed({ matched: match.index, output: outputOf(plane, text + match.text) })
          if (match.index === promptIndex) return Effect.succeed({ matched: "prompt", output: outputOf(plane, text) })
          if (match.index === promptIndex + 2) {
            link.write(" ")
            return loop(text)
          }
          if (match.index === promptIndex + 4) return Effect.fail(disconnected())
          // A syntax error or an overflow: read on to the prompt so that the next command starts clean.
          const error =
            match.index === promptIndex + 1
              ? new CommandSyntaxError({ command, message: "Command unknown" })
              : new CommandTooLong({ command, message: "Command too long" })
          return untilPrompt(text).pipe(Effect.ignore, Effect.andThen(Effect.fail(error)))
        })
      )
    return loop("")
  }

  const sendExpecting = (command: string, patterns: ReadonlyArray<RegExp>, timeoutMs: number) =>
    logSent(command, timeoutMs).pipe(
      Effect.andThen(typeCommand(command)),
      Effect.andThen(awaitReply(command, patterns, timeoutMs))
    )

  const sendSecret = (secret: string, patterns: ReadonlyArray<RegExp>, timeoutMs: number) =>
    Effect.sync(() => recorder.secret(secret)).pipe(
      Effect.andThen(logSent("******", timeoutMs)),
      Effect.andThen(Effect.sync(() => link.write(secret + link.enter))),
      Effect.andThen(awaitReply("******", patterns, timeoutMs))
    )

  const send = (command: string, timeoutMs: number) =>
    sendExpecting(command, [], timeoutMs).pipe(Effect.map((reply) => reply.output))

  /** `admin`: answer the admin VM's own login, then switch to its prompt. */
  const enterAdmin = Effect.gen(function* () {
    const timeoutMs = timing.timeoutMs("command")
    let reply = yield* sendExpecting("admin", [adminUsername, adminPassword, adminVmPrompt], timeoutMs)
    for (let answers = 0; reply.matched !== 2; answers++) {
      if (reply.matched === "prompt" || answers === 2)
        return yield* new CommandSyntaxError({ command: "admin", message: "Command unknown" })
      reply =
        reply.matched === 0
          ? yield* typeCommand(options.username ?? "").pipe(
              Effect.andThen(awaitReply("admin", [adminUsername, adminPassword, adminVmPrompt], timeoutMs))
            )
          : yield* sendSecret(options.password ?? "", [adminUsername, adminPassword, adminVmPrompt], timeoutMs)
    }
    const hostname = adminVmPrompt.exec(reply.output)?.groups?.["hostname"] ?? ""
    const xr = current
    current = { plane: "admin", pattern: promptPattern("admin", hostname) }
    return xr
  })

  const leaveAdmin = (xr: CurrentPrompt) =>
    Effect.gen(function* () {
      yield* logSent("exit", timing.timeoutMs("command"))
      current = xr
      yield* typeCommand("exit")
      yield* awaitReply("exit", [], timing.timeoutMs("command"))
    })

  return {
    url: options.url,
    send,
    sendExpecting,
    sendSecret,
    waitFor: (pattern, timeoutMs) =>
      Effect.sync(() => link.write(link.enter)).pipe(
        Effect.andThen(link.reader.expect([pattern, connectionClosed], timeoutMs)),
        Effect.mapError(readFailure(pattern.source)),
        Effect.flatMap((match) => (match.index === 0 ? Effect.succeed(match.before + match.text) : Effect.fail(disconnected())))
      ),
    takeUnsolicited: () => {
      const text = unsolicited
      unsolicited = ""
      return text
    },
    admin: (body) =>
      Effect.gen(function* () {
        const xr = yield* enterAdmin
        const result = yield* Effect.exit(body)
        // When the body already failed, its error is the one to report.
        yield* result._tag === "Success" ? leaveAdmin(xr) : Effect.ignore(leaveAdmin(xr))
        return yield* result
      }),
    close: options.close
  }
}
