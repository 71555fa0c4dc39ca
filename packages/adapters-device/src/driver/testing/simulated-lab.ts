import * as net from "node:net"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll } from "vitest"
import type { Scope } from "effect"
import { makeSimulatedRouter } from "../../simulator/simulated-router.ts"
import type { SimulatedRouter } from "../../simulator/simulated-router.ts"
import type { SimulatedRouterConfig } from "../../simulator/config.ts"
import { startSimulatedRouter } from "../../simulator/transport/start-simulated-router.ts"
import type { RunningSimulatedRouter, SimulatedRouterPorts } from "../../simulator/transport/start-simulated-router.ts"
import { makeTiming } from "../../timing/timing-profile.ts"
import { connect } from "../connect.ts"
import type { ConnectedDevice, ConnectOptions, DiscoveredDevice, LoginTarget } from "../connect-request.ts"
import { startBastion } from "../../simulator/transport/bastion.ts"
import type { RunningBastion } from "../../simulator/transport/bastion.ts"
import type { ConnectionFailed } from "../../session/device-errors.ts"
import { makeMemoryRecorder } from "./scripted-device.ts"
import type { MemoryRecorder } from "./scripted-device.ts"

/** The driver against simulated routers over real sockets: the same time scale on both sides (DEVICE.md §1). */

export const timeScale = 0.001
export const timing = makeTiming({ timeScale, minTimeoutMs: 200 })
export const password = "cisco-secret"

export interface LabRouter {
  readonly model: SimulatedRouter
  readonly ports: RunningSimulatedRouter
}

export const startRouter = async (config: Omit<SimulatedRouterConfig, "timeScale" | "users">, ports: SimulatedRouterPorts = {}): Promise<LabRouter> => {
  const model = makeSimulatedRouter({ ...config, timeScale, users: [{ username: "cisco", password }] })
  return { model, ports: await startSimulatedRouter(model, ports) }
}

export const loginTo = (
  ports: ReadonlyArray<number>,
  connectionType: "telnet" | "ssh",
  overrides: Partial<LoginTarget> = {}
): LoginTarget => ({
  hostname: "lab",
  connection_type: connectionType,
  ts_or_ip: ["127.0.0.1"],
  port_number: ports,
  username: "cisco",
  password: Redacted.make(password),
  ...overrides
})

export const classicDevice: DiscoveredDevice = {
  os: "XR",
  os_type: "XR",
  family: "ASR9K",
  hardware: "ASR-9006",
  software_platform: "ASR9K",
  software_version: "5.3.3",
  console: false
}

export const exrDevice: DiscoveredDevice = {
  os: "eXR",
  os_type: "eXR",
  family: "ASR9K",
  hardware: "ASR-9904",
  software_platform: "ASR9K-X64",
  software_version: "6.1.2",
  console: false
}

/** A classic router (with a standby, an active and a press-return console port), an eXR router and a bastion. */
export interface Lab {
  readonly classic: LabRouter
  readonly exr: LabRouter
  readonly bastion: RunningBastion
  readonly stop: () => Promise<void>
}

export const startLab = async (): Promise<Lab> => {
  const classic = await startRouter({ flavour: "xr" }, { consolePorts: [{ mode: "standby" }, { mode: "active" }, { mode: "pressReturn" }] })
  const exr = await startRouter({ flavour: "exr" })
  const bastion = await startBastion()
  return {
    classic,
    exr,
    bastion,
    stop: async () => {
      await Promise.all([classic.ports.stop(), exr.ports.stop(), bastion.stop()])
    }
  }
}

/**
 * The lab of the enclosing `describe`: started before its tests, stopped after them.
 * Its routers and bastion are there once the tests run (read them inside tests, not while collecting).
 */
export const useLab = (): Omit<Lab, "stop"> => {
  let started: Lab | undefined
  beforeAll(async () => {
    started = await startLab()
  })
  afterAll(() => started?.stop())
  const current = (): Lab => {
    if (started === undefined) throw new Error("The lab starts before the tests: read it inside a test or hook.")
    return started
  }
  return {
    get classic() {
      return current().classic
    },
    get exr() {
      return current().exr
    },
    get bastion() {
      return current().bastion
    }
  }
}

export interface Attempt {
  readonly recorder: MemoryRecorder
  readonly statuses: Array<string>
  readonly options: ConnectOptions
}

export const attemptWith = (overrides: Partial<ConnectOptions> = {}): Attempt => {
  const recorder = makeMemoryRecorder()
  const statuses: Array<string> = []
  return {
    recorder,
    statuses,
    options: {
      timing,
      recorder,
      budget: "connectBudget",
      status: (message) => Effect.sync(() => statuses.push(message)),
      ...overrides
    }
  }
}

/** Connects, runs `use` on the connection, and closes it. */
export const withConnection = <A, E>(
  login: LoginTarget,
  attempt: Attempt,
  use: (connected: ConnectedDevice) => Effect.Effect<A, E, Scope.Scope>
): Promise<A> => Effect.runPromise(Effect.scoped(connect(login, attempt.options).pipe(Effect.flatMap(use))))

export const connectFailure = (login: LoginTarget, attempt: Attempt): Promise<ConnectionFailed> =>
  Effect.runPromise(Effect.scoped(Effect.flip(connect(login, attempt.options))))

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** Resolves once `condition` holds (checked on every turn of the event loop), or rejects after `limitMs`. */
export const eventually = (condition: () => boolean, limitMs = 2000): Promise<void> =>
  new Promise((resolve, reject) => {
    const started = Date.now()
    const check = () => {
      if (condition()) return resolve()
      if (Date.now() - started > limitMs) return reject(new Error("condition not reached"))
      setImmediate(check)
    }
    check()
  })
