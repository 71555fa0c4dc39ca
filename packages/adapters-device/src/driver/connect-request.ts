import type { Effect, Redacted } from "effect"
import type { HostFacts } from "@csm/core"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { DeviceSession } from "../session/device-session.ts"
import type { Timing, TimingKey } from "../timing/timing-profile.ts"

/** A jump host with its password opened (DEVICE.md §2.1). */
export interface JumpLogin {
  readonly connection_type: "telnet" | "ssh"
  readonly host_or_ip: string
  readonly port_number?: number
  readonly username?: string
  readonly password?: Redacted.Redacted<string>
}

/** Where and how to log in: a host's connection fields with its secrets opened. */
export interface LoginTarget {
  readonly hostname: string
  readonly connection_type: "telnet" | "ssh"
  /** Active first, then standby; paired with every port, address-major. */
  readonly ts_or_ip: ReadonlyArray<string>
  readonly port_number: ReadonlyArray<number>
  readonly username?: string
  readonly password?: Redacted.Redacted<string>
  readonly jump_host?: JumpLogin
}

export interface ConnectOptions {
  readonly timing: Timing
  readonly recorder: SessionRecorder
  /** Posts progress to the job's `status_message` ("Connecting to telnet://cisco@10.1.1.1:23 (target 1/2)"). */
  readonly status: (message: string) => Effect.Effect<void>
  /** One pass (`connectBudget`), or passes until the budget is spent (`reconnectBudget`, `reloadReconnectBudget`). */
  readonly budget: Extract<TimingKey, "connectBudget" | "reconnectBudget" | "reloadReconnectBudget">
  /** `host:port` of the target that last worked for this host: tried first. */
  readonly preferred?: string
}

/** What discovery (DEVICE.md §2.5) found, beyond the host facts the API shows. */
export interface DiscoveredDevice extends HostFacts {
  readonly os: "XR" | "eXR"
  /** `show users` said con/aux rather than vty. */
  readonly console: boolean
}

export interface ConnectedDevice {
  readonly session: DeviceSession
  readonly device: DiscoveredDevice
  /** `host:port` that worked. */
  readonly target: string
}
