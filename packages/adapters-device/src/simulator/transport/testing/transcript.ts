/**
 * What a test client has received so far, and a way to wait for the next piece of it. `next(pattern)`
 * resolves with the text up to the end of the first match after the previous one, and rejects (showing
 * the text) if the stream ends first, so a wrong answer fails the test instead of hanging it.
 */

export interface Transcript {
  readonly text: () => string
  readonly next: (pattern: RegExp | string) => Promise<string>
  /** Resolves when the stream has ended. */
  readonly ended: Promise<void>
}

interface Source {
  on(event: "data", listener: (chunk: Buffer | Uint8Array | string) => void): unknown
  once(event: "close", listener: () => void): unknown
}

const endOfMatch = (text: string, pattern: RegExp | string): number | undefined => {
  if (typeof pattern === "string") {
    const at = text.indexOf(pattern)
    return at < 0 ? undefined : at + pattern.length
  }
  const match = pattern.exec(text)
  return match === null ? undefined : match.index + match[0].length
}

export const makeTranscript = (source: Source, decode: (chunk: Buffer | Uint8Array | string) => string = String): Transcript => {
  let text = ""
  let cursor = 0
  let isEnded = false
  const waiters = new Set<() => void>()
  const wake = () => {
    for (const waiter of [...waiters]) waiter()
  }
  source.on("data", (chunk) => {
    text += decode(chunk)
    wake()
  })
  const ended = new Promise<void>((resolve) =>
    source.once("close", () => {
      isEnded = true
      wake()
      resolve()
    })
  )
  const next = (pattern: RegExp | string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const rest = text.slice(cursor)
        const found = endOfMatch(rest, pattern)
        if (found !== undefined) {
          waiters.delete(check)
          cursor += found
          return resolve(rest.slice(0, found))
        }
        if (isEnded) {
          waiters.delete(check)
          reject(new Error(`the stream ended before ${String(pattern)}; received: ${JSON.stringify(rest)}`))
        }
      }
      waiters.add(check)
      check()
    })
  return { text: () => text, next, ended }
}
