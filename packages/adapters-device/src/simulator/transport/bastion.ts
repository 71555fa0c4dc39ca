import * as net from "node:net"
import { StringDecoder } from "node:string_decoder"
import ssh2 from "ssh2"
import type { Connection, ServerChannel, TcpipRequestInfo } from "ssh2"
import { makeBastionShell } from "./bastion-shell.ts"
import { listenGated } from "./gated-listener.ts"
import { authenticateWithPassword, generateHostKey } from "./ssh-auth.ts"
import { openTelnetHop } from "./telnet-hop.ts"

const { Server } = ssh2

/**
 * The jump host for tests (DEVICE.md §9.5, §2.1): an SSH server with password login that forwards
 * `direct-tcpip` channels (ssh2 `forwardOut`) and offers a shell from which `telnet <host> <port>` hops on.
 */

export interface BastionUser {
  readonly username: string
  readonly password: string
}

export interface BastionOptions {
  readonly users?: ReadonlyArray<BastionUser> | undefined
  readonly port?: number | undefined
}

export interface RunningBastion {
  readonly port: number
  readonly users: ReadonlyArray<BastionUser>
  /** Closes the port, every client connection and every onward connection. */
  readonly stop: () => Promise<void>
}

export const defaultBastionUsers: ReadonlyArray<BastionUser> = [{ username: "csm", password: "csm" }]

/** A forwarded channel: the channel is accepted only once the target has accepted the TCP connection. */
const forward = (onward: Set<net.Socket>, info: TcpipRequestInfo, accept: () => ServerChannel, reject: () => void) => {
  const socket = net.connect({ host: info.destIP, port: info.destPort, noDelay: true })
  onward.add(socket)
  socket.once("close", () => onward.delete(socket))
  let connected = false
  socket.on("error", () => {
    if (!connected) reject()
  })
  socket.once("connect", () => {
    connected = true
    const channel = accept()
    channel.on("error", () => socket.destroy())
    channel.once("close", () => socket.destroy())
    socket.once("close", () => channel.close())
    channel.pipe(socket).pipe(channel)
  })
}

const runShell = (connection: Connection, username: string, stream: ServerChannel) => {
  const decoder = new StringDecoder("utf8")
  const shell = makeBastionShell(
    {
      write: (text) => {
        if (stream.writable) stream.write(text)
      },
      close: () => {
        stream.end()
        connection.end()
      }
    },
    username,
    openTelnetHop
  )
  stream.on("data", (chunk: Buffer) => shell.input(decoder.write(chunk)))
  stream.once("close", () => shell.ended())
}

export const startBastion = async (options: BastionOptions = {}): Promise<RunningBastion> => {
  const users = options.users ?? defaultBastionUsers
  const onward = new Set<net.Socket>()
  const knows = (username: string, password: string) =>
    users.some((user) => user.username === username && user.password === password)

  const server = new Server({ hostKeys: [generateHostKey()] }, (connection) => {
    let username = ""
    connection.on("error", () => {}) // a client that goes away is not the bastion's failure
    connection.on("authentication", (context) =>
      authenticateWithPassword(context, knows, (name) => {
        username = name
      })
    )
    connection.on("ready", () => {
      connection.on("tcpip", (accept, reject, info) => forward(onward, info, accept, reject))
      connection.on("session", (acceptSession) => {
        const session = acceptSession()
        session.on("pty", (accept) => accept?.()) // `accept` is absent when the client asked for no reply
        session.on("window-change", (accept) => accept?.())
        session.on("shell", (accept) => runShell(connection, username, accept()))
      })
    })
  })
  const listener = await listenGated({ port: options.port, onConnection: (socket) => server.injectSocket(socket) })
  return {
    port: listener.port,
    users,
    stop: async () => {
      for (const socket of onward) socket.destroy()
      await listener.close()
    }
  }
}
