/**
 * What a command answers, as steps the session runs in order (DEVICE.md §9.2). After the last
 * step the session prints `\r\n` + its prompt, unless a step closed or hung it.
 */
export type Step =
  /** Each line printed as `\r\n` + line. */
  | { readonly kind: "lines"; readonly lines: ReadonlyArray<string> }
  /** Simulated seconds of silence (scaled by timeScale). */
  | { readonly kind: "wait"; readonly seconds: number }
  /** Print `\r\n` + `prompt`, read one line (echoed or not), continue with its answer. */
  | {
      readonly kind: "ask"
      readonly prompt: string
      readonly echo: boolean
      readonly then: (answer: string) => Reply
      /** Runs if the session ends before the answer. */
      readonly abandoned?: () => void
    }
  /** Compute the rest when this step is reached (after a wait). */
  | { readonly kind: "defer"; readonly next: () => Reply }
  /** The plane's syntax error, its caret under this column of the command. */
  | { readonly kind: "invalid"; readonly column: number }
  /** Close the session (EOF). */
  | { readonly kind: "close" }
  /** Never answer again. */
  | { readonly kind: "hang" }

export type Reply = ReadonlyArray<Step>

export const lines = (...text: ReadonlyArray<string>): Step => ({ kind: "lines", lines: text })
export const say = (...text: ReadonlyArray<string>): Reply => [lines(...text)]
export const silent: Reply = []
export const wait = (seconds: number): Step => ({ kind: "wait", seconds })
export const defer = (next: () => Reply): Step => ({ kind: "defer", next })
export const ask = (
  prompt: string,
  echo: boolean,
  then: (answer: string) => Reply,
  abandoned?: () => void
): Step => ({ kind: "ask", prompt, echo, then, ...(abandoned === undefined ? {} : { abandoned }) })
