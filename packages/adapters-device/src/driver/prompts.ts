import { literal } from "./expect-buffer.ts"

/**
 * The CLI prompts of the two planes (DEVICE.md §2.3), tried in this order. `hostname` is the device's
 * name; the optional parenthesised group is a mode (`(config)`, `(admin)`).
 */
export const xrPrompt = /RP\/\d+\/(?:\d+(?!RS?P[0-1])|(?:RS?P[0-1]))\/CPU[0-3]:(?<hostname>.*?)(\([^()]*\))?#/
export const adminVmPrompt = /sysadmin-vm:?(?:_node)?[0-3]_RS?P[0-1]:?(?<hostname>.*?)(\([^()]*\))?#/

export type Plane = "xr" | "admin"

const planePatterns: ReadonlyArray<readonly [Plane, RegExp]> = [
  ["xr", xrPrompt],
  ["admin", adminVmPrompt]
]

export interface PromptLine {
  readonly plane: Plane
  readonly hostname: string
  /** `(config)`, `(admin)`…, or undefined in global mode. */
  readonly mode: string | undefined
}

/** Which plane a prompt line belongs to, with the hostname in it; undefined when it is no router prompt. */
export const readPrompt = (line: string): PromptLine | undefined => {
  for (const [plane, pattern] of planePatterns) {
    const found = pattern.exec(line)
    if (found !== null) return { plane, hostname: found.groups?.["hostname"] ?? "", mode: found[2] }
  }
  return undefined
}

/** The plane's pattern with the real hostname, anchored at the start of a line (`\r` is already dropped). */
export const promptPattern = (plane: Plane, hostname: string): RegExp => {
  const source = (plane === "xr" ? xrPrompt : adminVmPrompt).source.replace("(?<hostname>.*?)", literal(hostname))
  return new RegExp(`(?:^|\\n)${source}`)
}

/** A jump host's shell prompt (DEVICE.md §2.1). */
export const jumpPrompt = /\$\s?|>\s?|#\s?|%\s?|\[.*:~\]/
