import type { SimulatedRouterConfig } from "../config.ts"
import type { SimulatedRouterModel } from "../simulated-router-port.ts"
import { makeSimulatedRouter } from "../simulated-router.ts"
import type { SimulatedRouter } from "../simulated-router.ts"
import type { GatedListener } from "./gated-listener.ts"
import { listenSsh } from "./ssh-listener.ts"
import { listenTelnet } from "./telnet-listener.ts"

/**
 * A simulated router on 127.0.0.1: its SSH and telnet ports and any console ports (DEVICE.md §9.1), all
 * driven by one model, given or made from a configuration; the running router owns the model and stops it.
 * Ports default to ephemeral ones; the chosen ports are in the result.
 */

export type ConsoleMode = "active" | "pressReturn" | "standby"

export interface SimulatedRouterPorts {
  readonly sshPort?: number | undefined
  readonly telnetPort?: number | undefined
  readonly consolePorts?: ReadonlyArray<{ readonly port?: number | undefined; readonly mode: ConsoleMode }> | undefined
}

export interface RunningSimulatedRouter<Model extends SimulatedRouterModel = SimulatedRouterModel> {
  readonly model: Model
  readonly sshPort: number
  readonly telnetPort: number
  /** The console ports and their modes now. */
  readonly consolePorts: ReadonlyArray<{ readonly port: number; readonly mode: ConsoleMode }>
  /** Changes a console port's mode for the connections that follow (the `standbyConsolePorts` knob). */
  readonly setConsoleMode: (port: number, mode: ConsoleMode) => void
  /** Stops the model (its sessions end with EOF), then closes every port and connection. */
  readonly stop: () => Promise<void>
}

const closeAll = (listeners: ReadonlyArray<GatedListener>) => Promise.all(listeners.map((listener) => listener.close()))

export function startSimulatedRouter(
  config: SimulatedRouterConfig,
  ports?: SimulatedRouterPorts
): Promise<RunningSimulatedRouter<SimulatedRouter>>
export function startSimulatedRouter<Model extends SimulatedRouterModel>(
  model: Model,
  ports?: SimulatedRouterPorts
): Promise<RunningSimulatedRouter<Model>>
export async function startSimulatedRouter(
  modelOrConfig: SimulatedRouterModel | SimulatedRouterConfig,
  ports: SimulatedRouterPorts = {}
): Promise<RunningSimulatedRouter> {
  const model = "openSession" in modelOrConfig ? modelOrConfig : makeSimulatedRouter(modelOrConfig)
  const opened: Array<GatedListener> = []
  const open = async (listening: Promise<GatedListener>) => {
    const listener = await listening
    opened.push(listener)
    return listener
  }
  try {
    const ssh = await open(listenSsh(model, ports.sshPort))
    const telnet = await open(listenTelnet(model, () => ({ transport: "telnet" }), ports.telnetPort))
    const consoleModes = new Map<number, ConsoleMode>()
    for (const { port, mode } of ports.consolePorts ?? []) {
      const listener = await open(listenTelnet(model, () => ({ transport: "console", mode: consoleModes.get(listener.port) ?? mode }), port))
      consoleModes.set(listener.port, mode)
    }
    return {
      model,
      sshPort: ssh.port,
      telnetPort: telnet.port,
      get consolePorts() {
        return [...consoleModes].map(([port, mode]) => ({ port, mode }))
      },
      setConsoleMode: (port, mode) => {
        if (!consoleModes.has(port)) throw new Error(`${port} is not a console port of this router`)
        consoleModes.set(port, mode)
      },
      stop: async () => {
        model.stop()
        await closeAll(opened)
      }
    }
  } catch (error) {
    model.stop()
    await closeAll(opened)
    throw error
  }
}
