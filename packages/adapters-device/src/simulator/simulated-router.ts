import { makeVirtualClock, syslogTime } from "./clock.ts"
import type { SimPackageSet, SimulatedRouterConfig } from "./config.ts"
import { openCliSession } from "./cli-session.ts"
import { commandTables } from "./commands/tables.ts"
import type { InstallAction, SimFaults } from "./faults.ts"
import type { Operation, OperationState } from "./install-operations.ts"
import { makeInstallEngine } from "./install-operations.ts"
import { makeClassicInstallText } from "./outputs/classic-install-text.ts"
import { makeExrInstallText } from "./outputs/exr-install-text.ts"
import { makePackageStore } from "./packages.ts"
import type { BootState } from "./reload.ts"
import { makeReloader } from "./reload.ts"
import { makeFileStore } from "./repository.ts"
import { resolveRouterConfig } from "./presets.ts"
import type { RouterRuntime, SessionHandle } from "./runtime.ts"
import type { ConnectionMode, SimulatedRouterModel } from "./simulated-router-port.ts"
import { makeTimers } from "./timers.ts"

/** A snapshot for tests and the lab: what the router holds right now. */
export interface SimulatedRouterState {
  readonly activeRsp: 0 | 1
  readonly bootPhase: BootState["phase"]
  readonly softwareVersion: string
  readonly packages: { readonly xr: SimPackageSet; readonly admin: SimPackageSet }
  readonly operations: ReadonlyArray<{ readonly id: number; readonly action: InstallAction; readonly state: OperationState }>
  readonly openSessions: number
}

export interface SimulatedRouter extends SimulatedRouterModel {
  readonly faults: () => SimFaults
  /** Replace the fault knobs (DEVICE.md §9.5) at run time; `pleaseTryLater` counts again from its value. */
  readonly setFaults: (faults: SimFaults) => void
  readonly state: () => SimulatedRouterState
}

/** Uptime shown before the first reload. */
const initialUptimeMs = ((3 * 24 + 4) * 60 + 12) * 60_000

/**
 * One simulated IOS XR router (DEVICE.md §9): the model behind the SSH, telnet and console listeners
 * of `transport/`. Give it to `startSimulatedRouter`, or drive it in-process with `openTerminal`.
 */
export const makeSimulatedRouter = (input: SimulatedRouterConfig): SimulatedRouter => {
  const config = resolveRouterConfig(input)
  const clock = makeVirtualClock(config.clockStart, config.timeScale)
  const timers = makeTimers(config.timeScale)
  let faults = config.faults
  const sessions = new Set<SessionHandle>()
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())
  const boot: BootState = {
    phase: "up",
    activeRsp: 0,
    bootedAt: new Date(config.clockStart.getTime() - initialUptimeMs)
  }
  const syslog: Array<string> = [
    `RP/0/RSP0/CPU0:${syslogTime(new Date(config.clockStart.getTime() - 600_000))} : ifmgr[254]: %PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/0/0/0, changed state to Up`,
    `RP/0/RSP0/CPU0:${syslogTime(new Date(config.clockStart.getTime() - 540_000))} : isis[1010]: %ROUTING-ISIS-5-ADJCHANGE : Adjacency to P1 (TenGigE0/0/0/0) (L2) Up, New adjacency`
  ]
  const recordSyslog = (op: Operation): void => {
    const outcome =
      op.state === "completed"
        ? `6-INSTALL_OPERATION_COMPLETED_SUCCESSFULLY : Install operation ${op.id} completed successfully`
        : `4-INSTALL_OPERATION_FAILED : Install operation ${op.id} failed`
    syslog.push(`RP/0/RSP${boot.activeRsp}/CPU0:${syslogTime(clock.now())} : instdir[254]: %INSTALL-INSTMGR-${outcome}`)
  }
  const closeAllSessions = (): void => [...sessions].forEach((session) => session.close())
  const phaseChanged = (): void => {
    if (boot.phase === "nodesBooting") [...sessions].forEach((session) => session.bootCompleted())
    notify()
  }
  const reloader = makeReloader({
    boot,
    durations: config.durations,
    timers,
    clock,
    swapRsp: config.swapRspOnReload,
    dropAllSessions: () => [...sessions].forEach((session) => session.reboot()),
    phaseChanged
  })
  const text = config.flavour === "xr" ? makeClassicInstallText(clock, config.nodes) : makeExrInstallText(clock)
  const install = makeInstallEngine({ config, text, clock, timers, faults: () => faults, reloader, recordSyslog })
  const knownFiles = Object.values(config.repositories).flatMap((repository) => Object.values(repository.files))
  const router: RouterRuntime = {
    config,
    clock,
    timers,
    faults: () => faults,
    packages: makePackageStore(config.flavour, config.packages, config.softwareVersion, knownFiles),
    files: makeFileStore(config.repositories),
    install,
    boot,
    sessions: () => [...sessions],
    disk: { used: 0 },
    tryLater: { left: faults.pleaseTryLater ?? 0 },
    syslog
  }
  const tables = commandTables(config.flavour)

  const authenticate = (username: string, password: string): boolean =>
    faults.rejectAll !== true &&
    (faults.users ?? config.users).some((user) => user.username === username && user.password === password)

  /** The smallest vty number no open session uses. */
  const vtyName = (): string => {
    const used = new Set([...sessions].map((session) => session.line))
    let n = 0
    while (used.has(`vty${n}`)) n++
    return `vty${n}`
  }

  const connectionMode = (): ConnectionMode => {
    if (faults.refuseConnections === true) return "refuse"
    if (faults.resetConnections === true) return "reset"
    if (faults.silentConnections === true) return "silent"
    return boot.phase === "booting" ? config.bootRefuseMode : "accept"
  }

  const listVm = (vm: "xr" | "admin"): SimPackageSet => ({
    active: router.packages.list(vm, "active"),
    inactive: router.packages.list(vm, "inactive"),
    committed: router.packages.list(vm, "committed")
  })

  return {
    hostname: config.hostname,
    authenticate,
    connectionMode,
    onConnectionModeChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    openSession: (channel) =>
      openCliSession(
        {
          router,
          tables,
          authenticate,
          register: (handle) => {
            sessions.add(handle)
            return () => sessions.delete(handle)
          },
          lineName: () => (channel.kind.transport === "console" ? `con0/RSP${boot.activeRsp}/CPU0` : vtyName())
        },
        channel
      ),
    stop: () => {
      timers.clearAll()
      closeAllSessions()
    },
    faults: () => faults,
    setFaults: (next) => {
      faults = next
      router.tryLater.left = next.pleaseTryLater ?? 0
      notify()
    },
    state: () => ({
      activeRsp: boot.activeRsp,
      bootPhase: boot.phase,
      softwareVersion: router.packages.version(),
      packages: { xr: listVm("xr"), admin: listVm("admin") },
      operations: install.operations().map((op) => ({ id: op.id, action: op.action, state: op.state })),
      openSessions: sessions.size
    })
  }
}
