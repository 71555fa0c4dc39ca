import * as net from "node:net"
import { makeTelnetClientAnswers } from "./telnet-client-answers.ts"
import { encodeTelnetText, makeTelnetReader } from "./telnet-iac.ts"

/**
 * The bastion's `telnet <host> <port>`: a telnet client connection whose text goes to the shell and
 * whose option negotiation is answered as a plain telnet client would.
 */

export interface TelnetHopEvents {
  readonly onConnected: () => void
  readonly onText: (bytes: Uint8Array) => void
  /** The connection could not be made; `reason` as telnet prints it, e.g. `Connection refused`. */
  readonly onFailed: (reason: string) => void
  /** The target closed a connection that was made. */
  readonly onClosed: () => void
}

export interface TelnetHop {
  readonly send: (text: string) => void
  readonly close: () => void
}

const reasons: Record<string, string> = {
  ECONNREFUSED: "Connection refused",
  EHOSTUNREACH: "No route to host",
  ETIMEDOUT: "Connection timed out",
  ENOTFOUND: "Unknown host"
}

const reasonOf = (error: NodeJS.ErrnoException): string => reasons[error.code ?? ""] ?? error.message

export const openTelnetHop = (host: string, port: number, events: TelnetHopEvents): TelnetHop => {
  const read = makeTelnetReader()
  const answer = makeTelnetClientAnswers()
  const socket = net.connect({ host, port, noDelay: true })
  let connected = false
  socket.once("connect", () => {
    connected = true
    events.onConnected()
  })
  socket.on("error", (error: NodeJS.ErrnoException) => {
    if (!connected) events.onFailed(reasonOf(error))
  })
  socket.once("close", () => {
    if (connected) events.onClosed()
  })
  socket.on("data", (chunk: Buffer) => {
    const { data, negotiations } = read(chunk)
    for (const negotiation of negotiations) {
      const reply = answer(negotiation)
      if (reply !== undefined) socket.write(reply)
    }
    if (data.length > 0) events.onText(data)
  })
  return {
    send: (text) => {
      if (connected && socket.writable) socket.write(encodeTelnetText(text))
    },
    close: () => {
      connected = false
      socket.destroy()
    }
  }
}
