/**
 * Telnet's in-band commands (RFC 854): `IAC` (255) starts a command; `DO`/`DONT`/`WILL`/`WONT` take one
 * option byte; `SB … IAC SE` is a subnegotiation; `IAC IAC` is a literal 255. A chunk may end in the
 * middle of a command, so the reader keeps its state between chunks.
 */

export const IAC = 255
export const DONT = 254
export const DO = 253
export const WONT = 252
export const WILL = 251
export const SB = 250
export const SE = 240
export const OPTION_ECHO = 1
export const OPTION_SUPPRESS_GO_AHEAD = 3

export type NegotiationVerb = typeof DO | typeof DONT | typeof WILL | typeof WONT

/** One option negotiation seen in the stream, e.g. `{ verb: WILL, option: OPTION_ECHO }`. */
export interface Negotiation {
  readonly verb: NegotiationVerb
  readonly option: number
}

export interface TelnetChunk {
  /** The text bytes, commands removed. */
  readonly data: Uint8Array
  readonly negotiations: ReadonlyArray<Negotiation>
}

type ReaderState =
  | { readonly at: "data" }
  | { readonly at: "command" }
  | { readonly at: "option"; readonly verb: NegotiationVerb }
  | { readonly at: "subnegotiation" }
  | { readonly at: "subnegotiationCommand" }

const isNegotiationVerb = (byte: number): byte is NegotiationVerb =>
  byte === DO || byte === DONT || byte === WILL || byte === WONT

/** Removes telnet commands from a byte stream fed chunk by chunk. */
export const makeTelnetReader = () => {
  let state: ReaderState = { at: "data" }
  return (chunk: Uint8Array): TelnetChunk => {
    const data: Array<number> = []
    const negotiations: Array<Negotiation> = []
    for (const byte of chunk) {
      switch (state.at) {
        case "data":
          if (byte === IAC) state = { at: "command" }
          else data.push(byte)
          break
        case "command":
          if (byte === IAC) {
            data.push(IAC)
            state = { at: "data" }
          } else if (isNegotiationVerb(byte)) state = { at: "option", verb: byte }
          else if (byte === SB) state = { at: "subnegotiation" }
          else state = { at: "data" } // NOP, GA, AYT…: two bytes, nothing to keep
          break
        case "option":
          negotiations.push({ verb: state.verb, option: byte })
          state = { at: "data" }
          break
        case "subnegotiation":
          if (byte === IAC) state = { at: "subnegotiationCommand" }
          break
        case "subnegotiationCommand":
          state = byte === SE ? { at: "data" } : { at: "subnegotiation" }
          break
      }
    }
    return { data: Uint8Array.from(data), negotiations }
  }
}

/** Text as telnet bytes: a literal 255 is doubled so that it is not read as a command. */
export const encodeTelnetText = (text: string | Uint8Array): Buffer => {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text)
  if (!bytes.includes(IAC)) return bytes
  const escaped: Array<number> = []
  for (const byte of bytes) {
    escaped.push(byte)
    if (byte === IAC) escaped.push(IAC)
  }
  return Buffer.from(escaped)
}

export const negotiationBytes = (verb: NegotiationVerb, option: number): Buffer => Buffer.from([IAC, verb, option])
