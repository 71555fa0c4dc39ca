/**
 * Turns typed bytes into line-editing events (DEVICE.md §9.2): `\r`, `\n`, `\r\n` and `\r\0` each
 * count as one Enter; DEL and BS erase; other control characters are ignored.
 */
export type KeyEvent =
  | { readonly kind: "char"; readonly char: string }
  | { readonly kind: "erase" }
  | { readonly kind: "enter" }

export interface LineReader {
  readonly read: (char: string) => KeyEvent | undefined
}

export const makeLineReader = (): LineReader => {
  let afterCarriageReturn = false
  return {
    read: (char) => {
      const wasCarriageReturn = afterCarriageReturn
      afterCarriageReturn = char === "\r"
      if (char === "\r") return { kind: "enter" }
      if (char === "\n" || char === "\0") return wasCarriageReturn ? undefined : char === "\n" ? { kind: "enter" } : undefined
      if (char === "\x7f" || char === "\b") return { kind: "erase" }
      if (char < " ") return undefined
      return { kind: "char", char }
    }
  }
}
