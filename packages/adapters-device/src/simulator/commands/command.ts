import type { Reply } from "../reply.ts"
import type { RouterRuntime, SessionHandle } from "../runtime.ts"

/** Where a session's commands go: the XR CLI, classic admin mode, or the eXR admin VM. */
export type Plane = "xr" | "classicAdmin" | "adminVm"

/** The session as commands see (and change) it. */
export interface SessionContext {
  readonly handle: SessionHandle
  readonly user: string
  plane: Plane
  /** Whether `show`/`cfs`/install output starts with a timestamp line (until `terminal exec prompt no-timestamp`). */
  timestamps: boolean
}

export interface CommandContext {
  readonly router: RouterRuntime
  readonly session: SessionContext
}

export interface CliCommand {
  /** The literal leading words, for the caret of unknown input and `% Incomplete command.`. */
  readonly words: ReadonlyArray<string>
  /** The whole line (words single-spaced); groups are the arguments. */
  readonly pattern: RegExp
  /** Prints the timestamp header line first (`show`, `cfs`, install commands). */
  readonly timestamped: boolean
  readonly run: (context: CommandContext, match: RegExpExecArray) => Reply
}

/** A command whose words are its pattern (no arguments). */
export const fixed = (
  text: string,
  timestamped: boolean,
  run: (context: CommandContext, match: RegExpExecArray) => Reply
): CliCommand => ({
  words: text.split(" "),
  pattern: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
  timestamped,
  run
})

/** The same command with and without a leading `admin` (classic XR accepts both). */
export const withOptionalAdmin = (command: CliCommand): ReadonlyArray<CliCommand> => [
  command,
  {
    ...command,
    words: ["admin", ...command.words],
    pattern: new RegExp(`^admin ${command.pattern.source.slice(1)}`)
  }
]
