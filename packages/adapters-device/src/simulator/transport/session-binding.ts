import { StringDecoder } from "node:string_decoder"
import type { SimChannelKind, SimulatedRouterModel } from "../simulated-router-port.ts"

/**
 * One model session on one transport stream: text goes out while the session is open, the model's
 * `close()` ends the stream once, and an end the model did not ask for (the client left) is reported
 * to it once.
 */

export interface TransportStream {
  readonly write: (text: string) => void
  /** Ends the stream with EOF. */
  readonly end: () => void
}

export interface BoundSession {
  /** Bytes from the client (telnet commands already removed); a character split across chunks is kept. */
  readonly input: (bytes: Uint8Array) => void
  /** The stream closed. */
  readonly ended: () => void
}

export const bindSession = (model: SimulatedRouterModel, kind: SimChannelKind, stream: TransportStream): BoundSession => {
  const decoder = new StringDecoder("utf8")
  let open = true
  const session = model.openSession({
    kind,
    write: (text) => {
      if (open) stream.write(text)
    },
    close: () => {
      if (!open) return
      open = false
      stream.end()
    }
  })
  return {
    input: (bytes) => {
      const text = decoder.write(Buffer.from(bytes))
      if (open && text !== "") session.input(text)
    },
    ended: () => {
      if (!open) return
      open = false
      session.ended()
    }
  }
}
