import { Effect } from "effect"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { Timing } from "../timing/timing-profile.ts"
import type { TargetFailed } from "./connection-failure.ts"
import { fatalFailure, reasonOfDeviceText, targetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import type { ExpectMatch } from "./expect-buffer.ts"
import { adminVmPrompt, jumpPrompt, xrPrompt } from "./prompts.ts"
import type { Target } from "./targets.ts"

/**
 * The telnet login dialog (DEVICE.md §2.2) as a state machine over a link: each step waits for the
 * first of the dialog's patterns and reacts. It ends at a router prompt (or, when logging into a
 * telnet jump host, at a shell prompt). The password goes to the recorder as a secret first, so it
 * never reaches a log.
 */

const dialogPatterns = {
  // `Last login:` is a Unix jump host's greeting after a good login, not a question.
  username: /[Uu]sername:\s?|(?<!Last )login:\s?/,
  password: /[Pp]assword:\s?|Password :\s?/,
  pressReturn: /Press RETURN to get started\./,
  passwordOk: /Password OK/,
  more: / --More-- /,
  hostKeyQuestion: /\(yes\/no(?:\/\[fingerprint\])?\)\?/,
  standby: /This \(D\)RP Node is not ready or active for login \/configuration/,
  // Through the end of the line, which may name the cause (`Unable to connect to remote host: Connection refused`).
  unableToConnect:
    /(?:[Uu]nknown host|[Dd]estination unreachable|[Uu]nable to connect|[Cc]onnection refused|command not found|reset by peer|closed by foreign host|No route to host)[^\n]*\n/,
  timedOut: /[Oo]peration timed out|[Cc]onnection timed out/,
  authError: /% Authentication failed|not authorized|Login incorrect|\nAuthentication failed/,
  xr: xrPrompt,
  adminVm: adminVmPrompt,
  // Last: the broad shell prompt loses ties (`% Authentication failed` starts with `%`).
  jump: jumpPrompt
} as const

type DialogEvent = keyof typeof dialogPatterns

/** A login may page through banners and wake a console a few times, but not forever. */
const maxSteps = 30

export interface LoginDialog {
  readonly link: DeviceLink
  readonly timing: Timing
  readonly recorder: SessionRecorder
  readonly target: Target
  readonly username: string | undefined
  readonly password: string | undefined
  /**
   * `device`: end at a router prompt; `device-over-jump`: the same, and a jump shell prompt coming
   * back means the hop failed; `jump`: end at a shell prompt (logging into a telnet jump host).
   */
  readonly until: "device" | "device-over-jump" | "jump"
}

/** A direct login knows no shell prompt; a jump host login ends at one, before any router prompt. */
const expected = (event: DialogEvent, until: LoginDialog["until"]): boolean => {
  if (event === "jump") return until !== "device"
  if (event === "xr" || event === "adminVm") return until !== "jump"
  return true
}

export const runLoginDialog = (dialog: LoginDialog): Effect.Effect<void, TargetFailed> => {
  const { link, timing, recorder, target, until } = dialog
  const events = (Object.keys(dialogPatterns) as Array<DialogEvent>).filter((event) => expected(event, until))
  const patterns = events.map((event) => dialogPatterns[event])
  const failed = (reason: string, fatal = false) => Effect.fail(targetFailed(target, reason, fatal))

  // Silence for `telnetWake` wakes a console with Enter; then the step has `loginStep` to answer.
  const nextEvent = link.reader.expect(patterns, timing.timeoutMs("telnetWake")).pipe(
    Effect.catchTag("ReadTimeout", () =>
      Effect.sync(() => link.write(link.enter)).pipe(
        Effect.andThen(link.reader.expect(patterns, timing.timeoutMs("loginStep")))
      )
    ),
    Effect.map((match) => ({ event: events[match.index] as DialogEvent, match })),
    Effect.catchTags({
      ReadTimeout: () => failed("Connection timeout"),
      ReadEnded: () => failed("Connection closed")
    })
  )

  const step = (passwordSent: boolean, left: number): Effect.Effect<void, TargetFailed> =>
    left === 0
      ? failed("Connection timeout")
      : nextEvent.pipe(Effect.flatMap(({ event, match }) => react(event, match, passwordSent, left - 1)))

  const send = (text: string, passwordSent: boolean, left: number) =>
    Effect.sync(() => link.write(text)).pipe(Effect.andThen(step(passwordSent, left)))

  const react = (event: DialogEvent, match: ExpectMatch, passwordSent: boolean, left: number): Effect.Effect<void, TargetFailed> => {
    switch (event) {
      case "username":
        if (passwordSent) return failed("Authentication failed", true)
        if (dialog.username === undefined || dialog.username === "") return Effect.fail(fatalFailure("Username not provided"))
        return send(dialog.username + link.enter, false, left)
      case "password": {
        if (passwordSent) return failed("Authentication failed", true)
        const password = dialog.password
        if (password === undefined || password === "") return Effect.fail(fatalFailure("Password not provided"))
        recorder.secret(password)
        return send(password + link.enter, true, left)
      }
      case "pressReturn":
      case "passwordOk":
        return send(link.enter, passwordSent, left)
      case "more":
        return send("q", passwordSent, left)
      case "hostKeyQuestion":
        return send("yes" + link.enter, passwordSent, left)
      case "standby":
        return failed("Standby console")
      case "unableToConnect":
        return until !== "jump" && match.text.includes("command not found")
          ? failed("Command not supported or not authorized")
          : failed(reasonOfDeviceText((match.before.split("\n").at(-1) ?? "") + match.text))
      case "timedOut":
        return failed("Connection timeout")
      case "authError":
        return failed("Authentication failed", true)
      case "xr":
      case "adminVm":
        return match.captures[2] === undefined ? Effect.void : Effect.fail(fatalFailure("Device is not in global mode"))
      case "jump":
        return until === "jump" ? Effect.void : failed("Unable to connect to the device")
    }
  }

  return step(false, maxSteps)
}
