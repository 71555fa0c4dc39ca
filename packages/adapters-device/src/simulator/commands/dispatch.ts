import type { CliCommand } from "./command.ts"

/**
 * Finding the command for a typed line, or the error the CLI prints instead (DEVICE.md §9.2):
 * a caret under the first unknown word, or `% Incomplete command.`.
 */
export type Dispatch =
  | { readonly kind: "command"; readonly command: CliCommand; readonly match: RegExpExecArray }
  | { readonly kind: "unknown"; readonly column: number }
  | { readonly kind: "incomplete" }

const startsWith = (words: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean =>
  prefix.every((word, index) => words[index] === word)

/** Offsets of each word in `line`. */
const wordOffsets = (line: string): ReadonlyArray<number> => [...line.matchAll(/\S+/g)].map((m) => m.index)

export const dispatch = (table: ReadonlyArray<CliCommand>, line: string): Dispatch => {
  const words = line.trim().split(/\s+/)
  const normalized = words.join(" ")
  for (const command of table) {
    const match = command.pattern.exec(normalized)
    if (match !== null) return { kind: "command", command, match }
  }
  let known = 0
  while (known < words.length && table.some((command) => startsWith(command.words, words.slice(0, known + 1)))) known++
  if (known === words.length) return { kind: "incomplete" }
  return { kind: "unknown", column: wordOffsets(line)[known] ?? 0 }
}

/** The column of the last word (for injected syntax errors). */
export const lastWordColumn = (line: string): number => wordOffsets(line).at(-1) ?? 0
