import * as net from "node:net"
import type { ConnectionMode } from "../simulated-router-port.ts"
import { ListenFailed } from "./listen-failed.ts"

/**
 * A TCP listener on 127.0.0.1 that meets each new connection as the router's connection mode says
 * (DEVICE.md §9.4, §9.5): `accept` hands the socket on, `refuse` closes the listening port (so clients
 * get ECONNREFUSED) until the mode changes and the same port is opened again, `reset` accepts and
 * destroys with a TCP reset, `silent` accepts and never answers.
 */

export interface ConnectionGate {
  readonly connectionMode: () => ConnectionMode
  /** Returns an unsubscribe function. */
  readonly onConnectionModeChange: (listener: () => void) => () => void
}

export interface GatedListener {
  readonly port: number
  /** Stops listening and destroys every connection it accepted. */
  readonly close: () => Promise<void>
}

const alwaysAccept: ConnectionGate = { connectionMode: () => "accept", onConnectionModeChange: () => () => {} }

/** After a refuse period another program may hold the port for a moment; try again this often. */
const reopenRetryMillis = 50

const listenOn = (server: net.Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once("error", onError)
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      server.off("error", onError)
      resolve((server.address() as net.AddressInfo).port)
    })
  })

export const listenGated = async (options: {
  readonly port?: number | undefined
  readonly gate?: ConnectionGate | undefined
  readonly onConnection: (socket: net.Socket) => void
}): Promise<GatedListener> => {
  const gate = options.gate ?? alwaysAccept
  const sockets = new Set<net.Socket>()
  let closed = false
  let server: net.Server | undefined
  let retryTimer: NodeJS.Timeout | undefined

  const meet = (socket: net.Socket) => {
    sockets.add(socket)
    socket.once("close", () => sockets.delete(socket))
    socket.on("error", () => {}) // a client that goes away is not the listener's failure
    const mode = gate.connectionMode()
    if (mode === "accept") options.onConnection(socket)
    else if (mode === "silent") socket.pause()
    else socket.resetAndDestroy() // reset, or a connection that slipped in while starting to refuse
  }

  const makeServer = () => net.createServer({ noDelay: true }, meet)

  const first = makeServer()
  const port = await listenOn(first, options.port ?? 0).catch((error: Error) => {
    throw new ListenFailed({ port: options.port ?? 0, message: `Cannot listen on 127.0.0.1:${options.port ?? 0}: ${error.message}` })
  })
  server = first

  const stopListening = () => {
    server?.close()
    server = undefined
  }

  /** Brings the port in line with the mode: open unless refusing. */
  const reconcile = () => {
    if (closed) return
    const refusing = gate.connectionMode() === "refuse"
    if (refusing) {
      clearTimeout(retryTimer)
      retryTimer = undefined
      return stopListening()
    }
    if (server !== undefined || retryTimer !== undefined) return
    const next = makeServer()
    server = next
    const retry = () => {
      if (server !== next) return
      server = undefined
      retryTimer = setTimeout(() => {
        retryTimer = undefined
        reconcile()
      }, reopenRetryMillis)
    }
    listenOn(next, port).then(() => {
      if (server !== next) next.close() // refused or closed while the port was opening
    }, retry)
  }

  const unsubscribe = gate.onConnectionModeChange(reconcile)
  reconcile()

  return {
    port,
    close: async () => {
      closed = true
      unsubscribe()
      clearTimeout(retryTimer)
      const last = server
      server = undefined
      for (const socket of sockets) socket.destroy()
      if (last !== undefined) await new Promise<void>((resolve) => last.close(() => resolve()))
    }
  }
}
