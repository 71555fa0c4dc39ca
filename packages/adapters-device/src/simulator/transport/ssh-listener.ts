import type * as net from "node:net"
import ssh2 from "ssh2"
import type { Connection, ServerChannel } from "ssh2"
import type { SimulatedRouterModel } from "../simulated-router-port.ts"
import { listenGated } from "./gated-listener.ts"
import type { GatedListener } from "./gated-listener.ts"
import { bindSession } from "./session-binding.ts"
import { authenticateWithPassword, generateHostKey } from "./ssh-auth.ts"

const { Server } = ssh2

/**
 * The simulated router's SSH server (DEVICE.md §9.1): password or keyboard-interactive login checked by
 * the model, then one CLI session per `shell` channel. The model closing a session ends the channel and
 * the connection (the client sees EOF).
 */

/** Runs one CLI session on an SSH shell channel; the model closing it ends the whole connection. */
const runShell = (model: SimulatedRouterModel, connection: Connection, username: string, stream: ServerChannel) => {
  const session = bindSession(model, { transport: "ssh", username }, {
    write: (text) => stream.write(text),
    end: () => {
      stream.end()
      connection.end()
    }
  })
  stream.on("data", session.input)
  stream.once("close", session.ended)
}

const serveConnection = (model: SimulatedRouterModel) => (connection: Connection) => {
  let username = ""
  connection.on("error", () => {}) // a client that goes away is not the server's failure
  connection.on("authentication", (context) =>
    authenticateWithPassword(context, model.authenticate, (name) => {
      username = name
    })
  )
  connection.on("ready", () => {
    connection.on("session", (acceptSession) => {
      const session = acceptSession()
      // `accept` is absent when the client asked for no reply
      session.on("pty", (accept) => accept?.())
      session.on("window-change", (accept) => accept?.())
      session.on("shell", (accept) => runShell(model, connection, username, accept()))
    })
  })
}

export const listenSsh = (model: SimulatedRouterModel, port?: number): Promise<GatedListener> => {
  const server = new Server({ hostKeys: [generateHostKey()] }, serveConnection(model))
  return listenGated({ port, gate: model, onConnection: (socket: net.Socket) => server.injectSocket(socket) })
}
