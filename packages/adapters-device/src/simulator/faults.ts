import type { SimUser } from "./config.ts"

/** A regular expression, or its source (configurations may come from JSON). */
export type SimPattern = RegExp | string

export type InstallAction = "add" | "activate" | "deactivate" | "remove" | "commit"

/**
 * The fault knobs of DEVICE.md §9.5; settable at start (`config.faults`) and at run time
 * (`router.setFaults`). Standby consoles are a transport matter (a console port in mode `standby`).
 * Durations are unscaled seconds.
 */
export interface SimFaults {
  /** Replaces the configured users. */
  readonly users?: ReadonlyArray<SimUser>
  readonly rejectAll?: boolean
  readonly refuseConnections?: boolean
  readonly resetConnections?: boolean
  readonly silentConnections?: boolean
  /**
   * Seconds before a command's answer: for every command, or for the first rule whose pattern matches
   * the command. A rule with `before: 'echo'` instead holds the echo of the character that makes the
   * typed text match (`""` matches at the first character), once per line.
   */
  readonly responseDelay?: number | ReadonlyArray<DelayRule>
  /** Echo the matching command, then never answer. */
  readonly hang?: SimPattern
  /** Close the session on the matching command: right after its echo, or after half of its output. */
  readonly drop?: { readonly pattern: SimPattern; readonly after: "echo" | "partialOutput" }
  /** Close the session that started an operation when it reaches `atPercent` (the operation goes on). */
  readonly dropDuringOperation?: { readonly opId?: number; readonly atPercent: number }
  /** refuse: before "asynchronously"; fail: later; abort: eXR `aborted` later. `match` tests the command line. */
  readonly failOperation?: {
    readonly action: InstallAction
    readonly match?: SimPattern
    readonly mode: "refuse" | "fail" | "abort"
    readonly errorLines?: ReadonlyArray<string>
  }
  /** Another user's operation runs: install commands are busy, `show install request` shows it. */
  readonly operationInProgress?: { readonly id: number; readonly user?: string }
  /** Commands answering `% Invalid input` (admin VM: `syntax error: expecting`). */
  readonly syntaxError?: ReadonlyArray<SimPattern>
  readonly cfsInconsistent?: boolean
  readonly standbyNotReady?: boolean
  /** State overrides by node name (`0/1/CPU0` → `IN-RESET`). */
  readonly nodeStates?: Readonly<Record<string, string>>
  /** IS-IS rows as [L1, L2, L1L2]; `instance: null` means no IS-IS (a syntax error). */
  readonly isisCounts?: {
    readonly instance?: string | null
    readonly up?: readonly [number, number, number]
    readonly init?: readonly [number, number, number]
    readonly failed?: readonly [number, number, number]
  }
  /** Extra `show logging` lines (e.g. containing `ERROR`). */
  readonly logErrorLines?: ReadonlyArray<string>
  /** `true` for the standard failed-startup text, or the lines themselves. */
  readonly failedStartupConfig?: boolean | ReadonlyArray<string>
  /** Bytes free on disk0: (replaces the computed value). */
  readonly diskFree?: number
  readonly pieExpired?: boolean
  /** The next n eXR commands answer `Please try command later`. */
  readonly pleaseTryLater?: number
  readonly noCompletionLine?: boolean
  readonly completionAfterReload?: boolean
  readonly noEcho?: boolean
}

export interface DelayRule {
  readonly pattern: SimPattern
  readonly seconds: number
  readonly before?: "echo" | "answer"
}

export const toRegExp = (pattern: SimPattern): RegExp =>
  typeof pattern === "string" ? new RegExp(pattern) : new RegExp(pattern.source, pattern.flags.replace("g", ""))

export const matchesPattern = (pattern: SimPattern | undefined, text: string): boolean =>
  pattern !== undefined && toRegExp(pattern).test(text)

/** Unscaled seconds to wait before answering `command`. */
export const responseDelayFor = (faults: SimFaults, command: string): number => {
  const delay = faults.responseDelay
  if (delay === undefined) return 0
  if (typeof delay === "number") return delay
  return delay.find((rule) => rule.before !== "echo" && matchesPattern(rule.pattern, command))?.seconds ?? 0
}

/** Unscaled seconds to hold the echo now that `typed` has been typed. */
export const echoDelayFor = (faults: SimFaults, typed: string): number => {
  const delay = faults.responseDelay
  if (delay === undefined || typeof delay === "number") return 0
  return delay.find((rule) => rule.before === "echo" && matchesPattern(rule.pattern, typed))?.seconds ?? 0
}
