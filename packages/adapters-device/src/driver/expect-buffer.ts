/**
 * The pure core of the driver's expect loop (DEVICE.md §2.2–2.4): text read from the device is
 * appended with `\r` removed, searched for the first of several patterns in what is not consumed
 * yet, and consumed up to the end of the match. The transport, the timeouts and the logging live
 * in `device-reader.ts`.
 */

export interface ExpectMatch {
  /** Index of the pattern that matched first (earliest in the text; ties go to the earlier pattern). */
  readonly index: number
  /** Unconsumed text before the match. */
  readonly before: string
  /** The matched text. */
  readonly text: string
  readonly groups: Readonly<Record<string, string | undefined>>
  /** Positional captures; `captures[0]` is the whole match. */
  readonly captures: ReadonlyArray<string | undefined>
}

export interface ExpectBuffer {
  readonly append: (chunk: string) => void
  /** The first match of any pattern in the unconsumed text, consuming through it; `undefined` when none. */
  readonly consumeFirst: (patterns: ReadonlyArray<RegExp>) => ExpectMatch | undefined
  /** Everything not consumed yet, then consumed. */
  readonly takeAll: () => string
  /** The unconsumed text, left in place. */
  readonly peek: () => string
}

/** Global or sticky flags would make `exec` stateful; the search always starts at the unconsumed text. */
const stateless = (pattern: RegExp): RegExp =>
  pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")) : pattern

export const findFirst = (text: string, patterns: ReadonlyArray<RegExp>): ExpectMatch | undefined => {
  let best: { index: number; found: RegExpExecArray } | undefined
  patterns.forEach((pattern, index) => {
    const found = stateless(pattern).exec(text)
    if (found !== null && (best === undefined || found.index < best.found.index)) best = { index, found }
  })
  if (best === undefined) return undefined
  const { index, found } = best
  return {
    index,
    before: text.slice(0, found.index),
    text: found[0],
    groups: { ...found.groups },
    captures: [...found]
  }
}

export const makeExpectBuffer = (): ExpectBuffer => {
  let unconsumed = ""
  return {
    append: (chunk) => {
      unconsumed += chunk.replaceAll("\r", "")
    },
    consumeFirst: (patterns) => {
      const match = findFirst(unconsumed, patterns)
      if (match !== undefined) unconsumed = unconsumed.slice(match.before.length + match.text.length)
      return match
    },
    takeAll: () => {
      const all = unconsumed
      unconsumed = ""
      return all
    },
    peek: () => unconsumed
  }
}

/** The device's timestamp line (`Tue Mar  7 10:15:02.123 UTC`), printed before some outputs. */
export const timestampLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d\.\d{3} \w+$/

/** Drops a leading timestamp line (DEVICE.md §2.4). */
export const dropLeadingTimestamp = (output: string): string => {
  const end = output.indexOf("\n")
  const first = end === -1 ? output : output.slice(0, end)
  if (!timestampLine.test(first)) return output
  return end === -1 ? "" : output.slice(end + 1)
}

/** Drops every timestamp line (the eXR admin VM prints one before each answer). */
export const dropTimestampLines = (output: string): string =>
  output
    .split("\n")
    .filter((line) => !timestampLine.test(line))
    .join("\n")

/** A regex source that matches `text` literally. */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
