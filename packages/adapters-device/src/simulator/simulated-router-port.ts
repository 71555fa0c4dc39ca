/**
 * The seam between the simulated router's model (CLI, state, operations, clock, faults: DEVICE.md
 * §9.1–9.5) and its transports (SSH server, telnet and console listeners, the bastion). The model
 * knows nothing of sockets; a transport knows nothing of IOS XR.
 */

/** How the transport reached the CLI. SSH sessions are authenticated by the transport first. */
export type SimChannelKind =
  | { readonly transport: "ssh"; readonly username: string }
  | { readonly transport: "telnet" }
  | { readonly transport: "console"; readonly mode: "active" | "pressReturn" | "standby" }

/** The transport side of one session: text to the client, and closing it (EOF). */
export interface SimChannel {
  readonly kind: SimChannelKind
  readonly write: (text: string) => void
  readonly close: () => void
}

/** The model side of one session: bytes typed by the client (telnet IAC already removed), and its end. */
export interface SimSession {
  readonly input: (text: string) => void
  readonly ended: () => void
}

/** How a new connection is met right now (booting after a reload, or a fault knob). */
export type ConnectionMode = "accept" | "refuse" | "reset" | "silent"

export interface SimulatedRouterModel {
  readonly hostname: string
  /** For SSH `password` and `keyboard-interactive` auth (the telnet dialog runs inside the session). */
  readonly authenticate: (username: string, password: string) => boolean
  readonly connectionMode: () => ConnectionMode
  /** Called whenever `connectionMode()` may have changed; returns an unsubscribe function. */
  readonly onConnectionModeChange: (listener: () => void) => () => void
  readonly openSession: (channel: SimChannel) => SimSession
  /** Stops timers and closes every session. */
  readonly stop: () => void
}
