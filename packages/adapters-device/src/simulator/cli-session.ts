import { headerTime } from "./clock.ts"
import type { CliCommand, Plane, SessionContext } from "./commands/command.ts"
import { dispatch, lastWordColumn } from "./commands/dispatch.ts"
import { echoDelayFor, matchesPattern, responseDelayFor } from "./faults.ts"
import { makeLineReader } from "./line-reader.ts"
import { promptOf } from "./prompts.ts"
import type { Reply } from "./reply.ts"
import type { RouterRuntime, SessionHandle } from "./runtime.ts"
import type { SimChannel, SimSession } from "./simulated-router-port.ts"

/**
 * One CLI session (DEVICE.md §9.1–9.2): the telnet/console login dialog, per-character echo,
 * commands and their replies, dialogs (passwords, the eXR reload question), unsolicited lines
 * held until the session sits at a prompt, and the per-session faults (hang, drop, delay, no echo).
 */
export interface CliSessionDeps {
  readonly router: RouterRuntime
  readonly tables: Readonly<Record<Plane, ReadonlyArray<CliCommand>>>
  readonly authenticate: (username: string, password: string) => boolean
  /** Adds the session to the router's list; returns its removal. */
  readonly register: (handle: SessionHandle) => () => void
  readonly lineName: () => string
}

type Phase =
  | { readonly kind: "wake" }
  | { readonly kind: "standby" }
  | { readonly kind: "username"; readonly failures: number }
  | { readonly kind: "password"; readonly username: string; readonly failures: number }
  | { readonly kind: "prompt" }
  | {
      readonly kind: "answer"
      readonly echo: boolean
      readonly then: (answer: string) => Reply
      readonly abandoned: (() => void) | undefined
    }
  | { readonly kind: "busy" }
  | { readonly kind: "stuck" }
  | { readonly kind: "rebooting" }
  | { readonly kind: "closed" }

const standbySentence = "This (D)RP Node is not ready or active for login /configuration"
const loginBanner = "\r\nUser Access Verification\r\n\r\nUsername: "
const pressReturn = "\r\nPress RETURN to get started.\r\n"
const maxLoginFailures = 3

export const openCliSession = (deps: CliSessionDeps, channel: SimChannel): SimSession => {
  const { router } = deps
  const reader = makeLineReader()
  let phase: Phase = { kind: "wake" }
  let buffer = ""
  let pending = ""
  let unsolicited: Array<string> = []
  let context: SessionContext | undefined
  /** The echo of the current line was already held once (fault `responseDelay` before `echo`). */
  let echoHeld = false

  const write = (text: string): void => {
    if (phase.kind !== "closed") channel.write(text)
  }
  const prompt = (): string =>
    promptOf(context?.plane ?? "xr", router.config.hostname, router.boot.activeRsp)

  const handle: SessionHandle = {
    kind: channel.kind,
    line: deps.lineName(),
    user: () => context?.user,
    deliver: (lines) => {
      unsolicited.push(...lines)
      flushUnsolicited()
    },
    close: () => {
      if (phase.kind === "closed") return
      end()
      channel.close()
    },
    reboot: () => {
      if (channel.kind.transport !== "console") return handle.close()
      if (phase.kind === "closed" || phase.kind === "standby") return
      abandonQuestion()
      phase = { kind: "rebooting" }
      context = undefined
      buffer = ""
      pending = ""
      unsolicited = []
    },
    bootCompleted: () => {
      if (phase.kind !== "rebooting") return
      phase = { kind: "wake" }
      write(pressReturn)
    }
  }
  const unregister = deps.register(handle)

  /** A question left unanswered (the eXR reload question) is given up. */
  const abandonQuestion = (): void => {
    if (phase.kind === "answer") phase.abandoned?.()
  }
  const end = (): void => {
    abandonQuestion()
    phase = { kind: "closed" }
    unregister()
  }

  const flushUnsolicited = (): void => {
    if (phase.kind !== "prompt" || buffer !== "" || unsolicited.length === 0) return
    const lines = unsolicited
    unsolicited = []
    write(lines.map((line) => `${line}\r\n`).join("") + prompt())
  }

  const showPrompt = (): void => {
    phase = { kind: "prompt" }
    write(`\r\n${prompt()}`)
    flushUnsolicited()
    drainPending()
  }

  const drainPending = (): void => {
    if (pending === "") return
    const text = pending
    pending = ""
    input(text)
  }

  const logIn = (user: string): void => {
    context = { handle, user, plane: "xr", timestamps: true }
    showPrompt()
  }

  const startLogin = (): void => {
    phase = { kind: "username", failures: 0 }
    write(loginBanner)
  }

  const run = (reply: Reply, from = 0): void => {
    for (let index = from; index < reply.length; index++) {
      // A delayed answer is lost when the session closed or the router rebooted meanwhile.
      if (phase.kind === "closed" || phase.kind === "rebooting") return
      const step = reply[index]!
      switch (step.kind) {
        case "lines":
          for (const line of step.lines) write(`\r\n${line}`)
          break
        case "wait":
          if (step.seconds <= 0) break
          phase = { kind: "busy" }
          router.timers.after(step.seconds, () => run(reply, index + 1))
          return
        case "ask":
          write(`\r\n${step.prompt}`)
          phase = { kind: "answer", echo: step.echo, then: step.then, abandoned: step.abandoned }
          drainPending()
          return
        case "invalid":
          if (context !== undefined) run([...syntaxError(context, step.column), ...reply.slice(index + 1)])
          return
        case "defer":
          return run([...step.next(), ...reply.slice(index + 1)])
        case "close":
          handle.close()
          return
        case "hang":
          phase = { kind: "stuck" }
          return
      }
    }
    if (phase.kind !== "closed" && phase.kind !== "rebooting") showPrompt()
  }

  const syntaxError = (session: SessionContext, column: number): Reply => {
    const indent = prompt().length + column
    return session.plane === "adminVm"
      ? [{ kind: "lines", lines: [`${"-".repeat(indent)}^`, "syntax error: expecting"] }]
      : [{ kind: "lines", lines: [`${" ".repeat(indent)}^`, "% Invalid input detected at '^' marker."] }]
  }

  const answer = (session: SessionContext, line: string): Reply => {
    const faults = router.faults()
    if (router.config.flavour === "exr" && session.plane === "xr" && router.tryLater.left > 0) {
      router.tryLater.left -= 1
      return [{ kind: "lines", lines: ["Please try command later"] }]
    }
    if (faults.syntaxError?.some((pattern) => matchesPattern(pattern, line.trim())) === true) {
      return syntaxError(session, lastWordColumn(line))
    }
    const prefix = session.plane === "classicAdmin" ? "admin " : ""
    const found = dispatch(deps.tables[session.plane], prefix + line)
    if (found.kind === "unknown") return syntaxError(session, found.column - prefix.length)
    if (found.kind === "incomplete") {
      return session.plane === "adminVm"
        ? syntaxError(session, line.trimEnd().length)
        : [{ kind: "lines", lines: ["% Incomplete command."] }]
    }
    const planeBefore = session.plane
    const reply = found.command.run({ router, session }, found.match)
    if (!found.command.timestamped || reply[0]?.kind === "invalid") return reply
    const header =
      planeBefore === "adminVm"
        ? headerTime(router.clock.now(), "adminVm")
        : session.timestamps
          ? headerTime(router.clock.now(), "xr")
          : undefined
    return header === undefined ? reply : [{ kind: "lines", lines: [header] }, ...reply]
  }

  /** Half of the reply's printed lines, then EOF (fault `drop` after `partialOutput`). */
  const partial = (reply: Reply): Reply => {
    const printed = reply.flatMap((step) => (step.kind === "lines" ? step.lines : []))
    return [{ kind: "lines", lines: printed.slice(0, Math.ceil(printed.length / 2)) }, { kind: "close" }]
  }

  const command = (session: SessionContext, line: string): void => {
    if (line.trim() === "") return showPrompt()
    const faults = router.faults()
    if (matchesPattern(faults.hang, line.trim())) {
      phase = { kind: "stuck" }
      return
    }
    const drop = faults.drop !== undefined && matchesPattern(faults.drop.pattern, line.trim()) ? faults.drop : undefined
    if (drop?.after === "echo") return handle.close()
    phase = { kind: "busy" }
    const reply = answer(session, line)
    const delay = responseDelayFor(faults, line.trim())
    run([...(delay > 0 ? [{ kind: "wait" as const, seconds: delay }] : []), ...(drop === undefined ? reply : partial(reply))])
  }

  const enter = (line: string): void => {
    switch (phase.kind) {
      case "wake":
        return router.config.consoleLoggedIn ? logIn(router.config.users[0]?.username ?? "cisco") : startLogin()
      case "username":
        phase = { kind: "password", username: line, failures: phase.failures }
        return write("\r\nPassword: ")
      case "password": {
        if (deps.authenticate(phase.username, line)) return logIn(phase.username)
        const failures = phase.failures + 1
        if (failures >= maxLoginFailures) {
          write("\r\n% Authentication failed\r\n")
          return handle.close()
        }
        phase = { kind: "username", failures }
        return write(`\r\n% Authentication failed\r\n\r\nUsername: `)
      }
      case "answer": {
        const then = phase.then
        phase = { kind: "busy" }
        return run(then(line.trim()))
      }
      case "prompt":
        if (context !== undefined) command(context, line)
        return
      default:
        return
    }
  }

  /** Echo `char` only after `seconds`; what is typed meanwhile waits its turn. */
  const holdEcho = (char: string, seconds: number): void => {
    echoHeld = true
    phase = { kind: "busy" }
    router.timers.after(seconds, () => {
      if (phase.kind !== "busy") return
      phase = { kind: "prompt" }
      if (echoes()) write(char)
      drainPending()
    })
  }

  const echoes = (): boolean => {
    if (router.faults().noEcho === true) return false
    return phase.kind === "username" || phase.kind === "prompt" || (phase.kind === "answer" && phase.echo)
  }

  const input = (text: string): void => {
    if (phase.kind === "standby") return write(`\r\n${standbySentence}\r\n`)
    for (let index = 0; index < text.length; index++) {
      if (phase.kind === "closed" || phase.kind === "stuck" || phase.kind === "rebooting") return
      if (phase.kind === "busy") {
        pending += text.slice(index)
        return
      }
      const key = reader.read(text[index]!)
      if (key === undefined) continue
      if (key.kind === "char") {
        buffer += key.char
        const hold = phase.kind === "prompt" && !echoHeld ? echoDelayFor(router.faults(), buffer) : 0
        if (hold > 0) holdEcho(key.char, hold)
        else if (echoes()) write(key.char)
      } else if (key.kind === "erase") {
        if (buffer === "") continue
        buffer = buffer.slice(0, -1)
        if (echoes()) write("\b \b")
      } else {
        const line = buffer
        buffer = ""
        echoHeld = false
        enter(line)
      }
    }
  }

  switch (channel.kind.transport) {
    case "ssh":
      logIn(channel.kind.username)
      break
    case "telnet":
      startLogin()
      break
    case "console":
      if (channel.kind.mode === "standby") phase = { kind: "standby" }
      else if (router.boot.phase === "booting") phase = { kind: "rebooting" }
      else if (channel.kind.mode === "pressReturn") write(pressReturn)
      break
  }

  return {
    input,
    ended: () => {
      if (phase.kind !== "closed") end()
    }
  }
}
