import * as net from "node:net"
import ssh2 from "ssh2"
import type { ClientChannel, ConnectConfig } from "ssh2"
import type { ConnectionMode, SimulatedRouterModel } from "../../simulated-router-port.ts"
import { makeTelnetReader } from "../telnet-iac.ts"
import type { Negotiation } from "../telnet-iac.ts"
import { makeTranscript } from "./transcript.ts"
import type { Transcript } from "./transcript.ts"

const { Client } = ssh2

/** Test clients for the simulated router's ports and the bastion, over real sockets on 127.0.0.1. */

/** `prepare` sees the client before it connects (to answer `keyboard-interactive`, say). */
export const sshConnect = (config: ConnectConfig, prepare?: (client: ssh2.Client) => void): Promise<ssh2.Client> =>
  new Promise((resolve, reject) => {
    const client = new Client()
    prepare?.(client)
    client.once("ready", () => resolve(client))
    // after login, a reset (say, the server stopping in `afterAll`) is the test's business, not a crash
    client.on("error", reject)
    client.connect({ host: "127.0.0.1", readyTimeout: 10_000, ...config })
  })

/** A direct-tcpip channel through `jump` to `port` on 127.0.0.1, as a jump host hands it to the next hop. */
export const forwardTo = (jump: ssh2.Client, port: number): Promise<ClientChannel> =>
  new Promise((resolve, reject) =>
    jump.forwardOut("127.0.0.1", 0, "127.0.0.1", port, (error, channel) => (error ? reject(error) : resolve(channel)))
  )

export interface ShellSession {
  readonly client: ssh2.Client
  readonly stream: ClientChannel
  readonly transcript: Transcript
  readonly close: () => void
}

export const sshShell = async (config: ConnectConfig): Promise<ShellSession> => {
  const client = await sshConnect(config)
  const stream = await new Promise<ClientChannel>((resolve, reject) =>
    client.shell({ term: "vt100", cols: 512, rows: 240 }, (error, channel) => (error ? reject(error) : resolve(channel)))
  )
  return { client, stream, transcript: makeTranscript(stream), close: () => client.end() }
}

export interface RawTelnet {
  readonly socket: net.Socket
  readonly transcript: Transcript
  /** Every option negotiation received so far. */
  readonly negotiations: Array<Negotiation>
}

/** A raw telnet connection: the text with commands removed, and the commands seen. */
export const rawTelnet = (port: number): Promise<RawTelnet> =>
  new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    const read = makeTelnetReader()
    const negotiations: Array<Negotiation> = []
    const transcript = makeTranscript(socket, (chunk) => {
      const { data, negotiations: seen } = read(chunk as Uint8Array)
      negotiations.push(...seen)
      return Buffer.from(data).toString("utf8")
    })
    socket.once("connect", () => resolve({ socket, transcript, negotiations }))
    socket.on("error", reject)
  })

/** How a TCP connection attempt ends: connected (then closed by the test), refused, or reset. */
export const connectionOutcome = (port: number): Promise<"connected" | string> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve("connected")
    })
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })

/** A port that nothing listens on (it was free a moment ago). */
export const unusedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** Connects until the port accepts: after a refuse period the listener reopens asynchronously. */
export const untilConnected = async (port: number, attempts = 200): Promise<"connected" | string> => {
  let outcome = await connectionOutcome(port)
  for (let left = attempts; outcome !== "connected" && left > 0; left -= 1) outcome = await connectionOutcome(port)
  return outcome
}

/** Resolves once the model's connection mode is `mode` (at once if it already is). */
export const connectionModeBecomes = (model: SimulatedRouterModel, mode: ConnectionMode): Promise<void> =>
  new Promise((resolve) => {
    const check = () => {
      if (model.connectionMode() !== mode) return
      unsubscribe()
      resolve()
    }
    const unsubscribe = model.onConnectionModeChange(check)
    check()
  })
