import type { SimChannelKind, SimSession, SimulatedRouterModel } from "./simulated-router-port.ts"

/**
 * An in-process client of the model, without sockets: it types like a terminal (one character
 * at a time) and waits for text. Tests, benchmarks and examples use it to drive the CLI directly.
 */
export interface SimTerminal {
  readonly session: SimSession
  /** Everything the router wrote so far. */
  readonly output: () => string
  readonly closed: () => boolean
  /** Type `text` one character at a time. */
  readonly type: (text: string) => void
  /** Resolves once the output written after `from` matches `pattern`; rejects if the session closes first. */
  readonly waitFor: (pattern: RegExp, from?: number) => Promise<string>
  /** Resolves when the router closes the session. */
  readonly waitClosed: () => Promise<void>
  /** Type `line` and Enter, then wait until the output ends with `until` (default: a prompt); the text after the echo. */
  readonly command: (line: string, options?: { readonly enter?: string; readonly until?: RegExp }) => Promise<string>
}

/** Any XR, classic admin or admin-VM prompt at the very end of the output. */
export const promptAtEnd = /(?:RP\/0\/RSP\d\/CPU0:[^\r\n#]*#|sysadmin-vm:0_RSP\d#)$/

interface Waiter {
  readonly check: () => boolean
  readonly fail: () => void
}

export const openTerminal = (model: SimulatedRouterModel, kind: SimChannelKind): SimTerminal => {
  let text = ""
  let isClosed = false
  const waiters = new Set<Waiter>()
  const settle = (): void => {
    for (const waiter of waiters) if (waiter.check()) waiters.delete(waiter)
    if (!isClosed) return
    for (const waiter of waiters) waiter.fail()
    waiters.clear()
  }
  const session = model.openSession({
    kind,
    write: (chunk) => {
      text += chunk
      settle()
    },
    close: () => {
      isClosed = true
      settle()
    }
  })
  const waitFor = (pattern: RegExp, from = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          if (!pattern.test(text.slice(from))) return false
          resolve(text.slice(from))
          return true
        },
        fail: () => reject(new Error(`session closed before ${pattern}; output: ${JSON.stringify(text.slice(from))}`))
      }
      if (waiter.check()) return
      if (isClosed) return waiter.fail()
      waiters.add(waiter)
    })
  const type = (typed: string): void => {
    for (const char of typed) session.input(char)
  }
  return {
    session,
    output: () => text,
    closed: () => isClosed,
    type,
    waitFor,
    waitClosed: () =>
      isClosed
        ? Promise.resolve()
        : new Promise((resolve) => waiters.add({ check: () => false, fail: () => resolve() })),
    command: async (line, options) => {
      type(line)
      const afterEcho = text.length
      type(options?.enter ?? "\r")
      const answer = await waitFor(options?.until ?? promptAtEnd, afterEcho)
      return answer
    }
  }
}
