import type { SimFaults } from "./faults.ts"

/**
 * What one simulated router is (DEVICE.md §9.1): flavour, users, chassis, nodes, package lists,
 * repositories, clock, timing and faults. Everything but `flavour` has a default (`presets.ts`).
 */
export type Flavour = "xr" | "exr"

export interface SimUser {
  readonly username: string
  readonly password: string
}

export interface SimChassis {
  readonly pid: string
  readonly vid: string
  readonly sn: string
  readonly descr: string
}

/** RP and LC nodes run a CPU (`0/RSP0/CPU0`); fans and power modules (eXR `show platform` only) do not. */
export type SimNodeKind = "RP" | "LC" | "FAN" | "PEM"

export interface SimNode {
  readonly name: string
  readonly kind: SimNodeKind
  readonly pid: string
  readonly descr: string
  readonly vid: string
  readonly sn: string
}

/** Internal names as the device prints them (`disk0:` included on classic XR). */
export interface SimPackageSet {
  readonly active: ReadonlyArray<string>
  readonly inactive: ReadonlyArray<string>
  readonly committed: ReadonlyArray<string>
}

/** `admin` is the eXR admin VM's set; classic XR has only `xr`. */
export interface SimPackages {
  readonly xr: SimPackageSet
  readonly admin?: SimPackageSet
}

/** One file of a repository and what it becomes on the device (DEVICE.md §9.4). */
export interface SimRepositoryFile {
  /** The inactive names after an Add. */
  readonly internalNames: ReadonlyArray<string>
  readonly size: number
  readonly method: "restart" | "reload"
  /** The names that become active on Activate, when not `internalNames` (an eXR ISO). */
  readonly activates?: ReadonlyArray<string>
  /** The software version once active (it then replaces the whole active set). */
  readonly version?: string
}

export interface SimRepository {
  readonly username?: string
  readonly password?: string
  readonly files: Readonly<Record<string, SimRepositoryFile>>
}

/** Unscaled seconds (DEVICE.md §9.5); each is multiplied by `timeScale`. */
export interface SimDurations {
  readonly add: number
  readonly activate: number
  readonly activateReload: number
  readonly deactivate: number
  readonly remove: number
  readonly commit: number
  /** Connections meet `bootRefuseMode` this long after the drop. */
  readonly boot: number
  /** Then CPU nodes show `BOOTING` this long. */
  readonly nodesBoot: number
  /** From the completion line to closing every session. */
  readonly reloadDropDelay: number
}

export type BootRefuseMode = "refuse" | "reset" | "silent"

export interface SimulatedRouterConfig {
  readonly flavour: Flavour
  readonly hostname?: string
  readonly users?: ReadonlyArray<SimUser>
  readonly chassis?: SimChassis
  readonly nodes?: ReadonlyArray<SimNode>
  readonly packages?: SimPackages
  readonly softwareVersion?: string
  /** Keyed by the URL without credentials, `;vrf` or a trailing `/` (`tftp://10.1.1.10/images/533`). */
  readonly repositories?: Readonly<Record<string, SimRepository>>
  /** Real time = simulated time × timeScale (default `DEFAULT_TIME_SCALE`, 0.01). */
  readonly timeScale?: number
  /** The virtual clock's start (default 2017-03-07T10:15:00Z). */
  readonly clockStart?: Date
  readonly firstOperationId?: number
  /** `time`: progress follows the clock; `polls`: one step per `show install request`, no timers. */
  readonly progressMode?: "time" | "polls"
  /** With `progressMode: 'polls'`, the poll that finishes an operation (default 3). */
  readonly pollsToFinish?: number
  readonly durations?: Partial<SimDurations>
  readonly bootRefuseMode?: BootRefuseMode
  /** After each reload the other RSP becomes active (prompt `RSP1`). */
  readonly swapRspOnReload?: boolean
  readonly diskSize?: number
  readonly diskFree?: number
  /** Console ports in mode `active` already sit at the prompt (Enter gives it). */
  readonly consoleLoggedIn?: boolean
  /** The `Location` column of `show users` for vty sessions. */
  readonly clientAddress?: string
  readonly faults?: SimFaults
}

export interface ResolvedRouterConfig {
  readonly flavour: Flavour
  readonly hostname: string
  readonly users: ReadonlyArray<SimUser>
  readonly chassis: SimChassis
  readonly nodes: ReadonlyArray<SimNode>
  readonly packages: Required<SimPackages>
  readonly softwareVersion: string
  readonly repositories: Readonly<Record<string, SimRepository>>
  readonly timeScale: number
  readonly clockStart: Date
  readonly firstOperationId: number
  readonly progressMode: "time" | "polls"
  readonly pollsToFinish: number
  readonly durations: SimDurations
  readonly bootRefuseMode: BootRefuseMode
  readonly swapRspOnReload: boolean
  readonly diskSize: number
  readonly diskFree: number
  readonly consoleLoggedIn: boolean
  readonly clientAddress: string
  readonly faults: SimFaults
}

export const defaultDurations: SimDurations = {
  add: 60,
  activate: 80,
  activateReload: 240,
  deactivate: 60,
  remove: 10,
  commit: 8,
  boot: 300,
  nodesBoot: 120,
  reloadDropDelay: 5
}
