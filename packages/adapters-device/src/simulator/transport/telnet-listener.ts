import type * as net from "node:net"
import type { SimChannelKind, SimulatedRouterModel } from "../simulated-router-port.ts"
import { listenGated } from "./gated-listener.ts"
import type { GatedListener } from "./gated-listener.ts"
import { bindSession } from "./session-binding.ts"
import { encodeTelnetText, makeTelnetReader, negotiationBytes, OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD, WILL } from "./telnet-iac.ts"

/**
 * The simulated router's telnet port and its console ports (DEVICE.md §9.1): the server offers to echo
 * and to suppress go-ahead, drops whatever the client negotiates, and hands the text to a CLI session.
 * The login dialog (or the console's mode) is the model's.
 */

const greeting = Buffer.concat([negotiationBytes(WILL, OPTION_ECHO), negotiationBytes(WILL, OPTION_SUPPRESS_GO_AHEAD)])

const runTelnetSession = (model: SimulatedRouterModel, kind: SimChannelKind, socket: net.Socket) => {
  const read = makeTelnetReader()
  socket.write(greeting)
  const session = bindSession(model, kind, {
    write: (text) => socket.write(encodeTelnetText(text)),
    end: () => socket.end()
  })
  socket.on("data", (chunk: Buffer) => session.input(read(chunk).data))
  socket.once("close", session.ended)
}

/** `kindNow` is read for each new connection: a console port's mode may change while the router runs. */
export const listenTelnet = (model: SimulatedRouterModel, kindNow: () => SimChannelKind, port?: number): Promise<GatedListener> =>
  listenGated({ port, gate: model, onConnection: (socket) => runTelnetSession(model, kindNow(), socket) })
