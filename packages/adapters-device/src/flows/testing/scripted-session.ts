import { Effect } from "effect"
import type { CommandError } from "../../session/device-errors.ts"
import { CommandTimeout } from "../../session/device-errors.ts"
import type { DeviceSession } from "../../session/device-session.ts"

/**
 * A `DeviceSession` that answers from a script, for unit tests of the flows' decisions (the
 * simulator over real sockets covers the rest). Every typed command is recorded in `sent`.
 */
export type Answer = string | CommandError

export interface Script {
  readonly answer: (command: string) => Answer
  /** Each `waitFor` call; the default times out, as when no completion line comes. */
  readonly waitFor?: (pattern: RegExp) => Answer
}

export interface ScriptedSession extends DeviceSession {
  readonly sent: Array<string>
}

const settle = (answer: Answer): Effect.Effect<string, CommandError> =>
  typeof answer === "string" ? Effect.succeed(answer) : Effect.fail(answer)

export const scriptedSession = (script: Script, url = "ssh://cisco@127.0.0.1:22"): ScriptedSession => {
  const sent: Array<string> = []
  const send = (command: string) => Effect.suspend(() => {
    sent.push(command)
    return settle(script.answer(command))
  })
  const expecting = (command: string, patterns: ReadonlyArray<RegExp>) =>
    Effect.map(send(command), (output) => {
      const matched = patterns.findIndex((pattern) => pattern.test(output))
      return { matched: matched < 0 ? "prompt" as const : matched, output }
    })
  return {
    url,
    sent,
    send: (command) => send(command),
    sendExpecting: (command, patterns) => expecting(command, patterns),
    sendSecret: (_secret, patterns) => expecting("******", patterns),
    waitFor: (pattern) => Effect.suspend(() => {
      sent.push(`waitFor ${pattern.source}`)
      return settle(script.waitFor?.(pattern) ?? timeout(`waitFor ${pattern.source}`))
    }),
    takeUnsolicited: () => "",
    admin: (body) => body,
    close: Effect.void
  }
}

export const timeout = (command: string) => new CommandTimeout({ command, message: `Command timeout: '${command}'` })
