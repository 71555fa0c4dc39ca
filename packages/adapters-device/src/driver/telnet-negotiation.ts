/**
 * The client side of telnet option negotiation (RFC 854/855), small on purpose: the server may echo
 * and suppress go-ahead (we agree), everything else is refused, and subnegotiations are skipped.
 * `makeTelnetDecoder` is fed raw socket chunks and returns the data bytes plus the replies to send;
 * a sequence split across chunks is carried over.
 */

const IAC = 255
const DONT = 254
const DO = 253
const WONT = 252
const WILL = 251
const SB = 250
const SE = 240
const ECHO = 1
const SUPPRESS_GO_AHEAD = 3

/** Options the server may turn on for itself. */
const acceptedFromServer: ReadonlySet<number> = new Set([ECHO, SUPPRESS_GO_AHEAD])

export interface DecodedChunk {
  readonly data: Buffer
  readonly replies: Buffer
}

type State = "data" | "command" | "option" | "subnegotiation" | "subnegotiationIac"

const replyTo = (verb: number, option: number): ReadonlyArray<number> => {
  if (verb === WILL) return [IAC, acceptedFromServer.has(option) ? DO : DONT, option]
  if (verb === DO) return [IAC, WONT, option]
  return [] // WONT / DONT: already off on our side
}

export const makeTelnetDecoder = (): ((chunk: Buffer) => DecodedChunk) => {
  let state: State = "data"
  let verb = 0
  // Answer each (verb, option) once, so that a server repeating itself cannot start a loop.
  const answered = new Set<number>()
  return (chunk) => {
    const data: Array<number> = []
    const replies: Array<number> = []
    for (const byte of chunk) {
      switch (state) {
        case "data":
          if (byte === IAC) state = "command"
          else data.push(byte)
          break
        case "command":
          if (byte === IAC) {
            data.push(IAC)
            state = "data"
          } else if (byte === WILL || byte === WONT || byte === DO || byte === DONT) {
            verb = byte
            state = "option"
          } else state = byte === SB ? "subnegotiation" : "data"
          break
        case "option": {
          const key = verb * 256 + byte
          if (!answered.has(key)) {
            answered.add(key)
            replies.push(...replyTo(verb, byte))
          }
          state = "data"
          break
        }
        case "subnegotiation":
          if (byte === IAC) state = "subnegotiationIac"
          break
        case "subnegotiationIac":
          state = byte === SE ? "data" : "subnegotiation"
          break
      }
    }
    return { data: Buffer.from(data), replies: Buffer.from(replies) }
  }
}
