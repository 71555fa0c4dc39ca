import { Context } from "effect"
import type { Effect } from "effect"
import type { HostFacts, HostPackages } from "../hosts/host-entry.ts"

/**
 * The port through which the executor drives a router (DEVICE.md). Device failures are outcomes,
 * not errors: a refused login or a failed Activate ends the job `failed` with the device's message,
 * so `run` itself never fails; a defect in an adapter is caught by the executor.
 */

/** A secret as the core holds it: sealed by the adapter that received it, opened only by a device adapter. */
export type SealedSecret = string

export interface JumpHostTarget {
  readonly name: string
  readonly connection_type: "telnet" | "ssh"
  readonly host_or_ip: string
  readonly port_number?: number
  readonly username?: string
  readonly password?: SealedSecret
}

export interface DeviceTarget {
  readonly hostname: string
  readonly connection_type: "telnet" | "ssh"
  /** Active first, then standby. */
  readonly ts_or_ip: ReadonlyArray<string>
  readonly port_number: ReadonlyArray<number>
  readonly username?: string
  readonly password?: SealedSecret
  readonly enable_password?: SealedSecret
  readonly jump_host?: JumpHostTarget
}

/** A server repository as `POST /api/v1/server_repositories` defines it; passwords sealed. */
export interface RepositoryTarget {
  readonly name: string
  readonly server_type: string
  readonly fields: Readonly<Record<string, string>>
}

export interface DeviceJob {
  readonly id: number
  readonly action: string
  readonly target: DeviceTarget
  readonly packages: ReadonlyArray<string>
  readonly repository?: RepositoryTarget
  readonly server_directory: string
  /** The commands of the job's custom command profiles, in order, without duplicates. */
  readonly commands: ReadonlyArray<string>
  /** UTC start time, ISO-8601; names the session-log directory. */
  readonly startedAt: string
  /**
   * For a Post-Upgrade: what the host's latest completed Pre-Upgrade captured (its `.txt` session-log
   * files, by file name without the log directory), to compare against. Read from the store, so it
   * survives restarts and is shared by every server instance.
   */
  readonly lastPreUpgrade?: PreUpgradeCaptures
}

export interface PreUpgradeCaptures {
  /** When that Pre-Upgrade completed, ISO-8601. */
  readonly completedAt: string
  readonly files: ReadonlyMap<string, string>
}

export type DeviceUpdate =
  | { readonly _tag: "Status"; readonly message: string }
  | { readonly _tag: "Log"; readonly file: string; readonly text: string }

interface Observed {
  readonly warnings: ReadonlyArray<string>
  readonly facts?: HostFacts
  readonly packages?: HostPackages
}

export type DeviceOutcome =
  | ({ readonly _tag: "Completed"; readonly packageChanges: ReadonlyArray<string> } & Observed)
  | ({ readonly _tag: "Failed"; readonly message: string } & Observed)

export class DeviceGateway extends Context.Service<DeviceGateway, {
  readonly run: (
    job: DeviceJob,
    report: (update: DeviceUpdate) => Effect.Effect<void>
  ) => Effect.Effect<DeviceOutcome>
}>()("csm/core/execution/DeviceGateway") {}
