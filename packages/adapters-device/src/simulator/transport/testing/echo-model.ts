import type { ConnectionMode, SimChannel, SimSession, SimulatedRouterModel } from "../../simulated-router-port.ts"

/**
 * A stand-in model for transport tests: it greets with the channel kind, echoes what is typed, answers
 * each line with `you said: <line>` and a `echo#` prompt, and closes on `exit`. Its connection mode is
 * set by the test, which can also wait for the transports to call it.
 */

export interface EchoModel extends SimulatedRouterModel {
  readonly setConnectionMode: (mode: ConnectionMode) => void
  /** How often a transport told the model that a session ended; `reached(n)` waits for n. */
  readonly sessionsEnded: Counter
  /** How often a transport asked for the connection mode (for each new connection, and after each change). */
  readonly modeChecks: Counter
}

export interface Counter {
  readonly count: () => number
  readonly reached: (count: number) => Promise<void>
}

const makeCounter = () => {
  let count = 0
  const waiters = new Set<() => void>()
  const counter: Counter = {
    count: () => count,
    reached: (target) =>
      new Promise((resolve) => {
        const check = () => {
          if (count < target) return
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        check()
      })
  }
  const add = () => {
    count += 1
    for (const waiter of [...waiters]) waiter()
  }
  return { counter, add }
}

export const echoPrompt = "echo#"

export const makeEchoModel = (users: Record<string, string> = { cisco: "cisco" }): EchoModel => {
  let mode: ConnectionMode = "accept"
  const ended = makeCounter()
  const modeChecks = makeCounter()
  const listeners = new Set<() => void>()
  const channels: Array<SimChannel> = []
  return {
    hostname: "echo",
    authenticate: (username, password) => users[username] === password,
    connectionMode: () => {
      modeChecks.add()
      return mode
    },
    onConnectionModeChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setConnectionMode: (next) => {
      mode = next
      for (const listener of listeners) listener()
    },
    sessionsEnded: ended.counter,
    modeChecks: modeChecks.counter,
    openSession: (channel): SimSession => {
      channels.push(channel)
      let line = ""
      channel.write(`hello ${JSON.stringify(channel.kind)}\r\n${echoPrompt}`)
      return {
        input: (text) => {
          for (const char of text) {
            if (char === "\n" || char === "\0") continue
            if (char !== "\r") {
              line += char
              channel.write(char)
              continue
            }
            const said = line
            line = ""
            if (said === "exit") return channel.close()
            channel.write(`\r\nyou said: ${said}\r\n${echoPrompt}`)
          }
        },
        ended: ended.add
      }
    },
    stop: () => {
      for (const channel of channels) channel.close()
    }
  }
}
