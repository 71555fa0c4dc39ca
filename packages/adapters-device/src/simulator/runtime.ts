import type { VirtualClock } from "./clock.ts"
import type { ResolvedRouterConfig } from "./config.ts"
import type { SimFaults } from "./faults.ts"
import type { InstallEngine } from "./install-operations.ts"
import type { PackageStore } from "./packages.ts"
import type { BootState } from "./reload.ts"
import type { FileStore } from "./repository.ts"
import type { SimChannelKind } from "./simulated-router-port.ts"
import type { SimTimers } from "./timers.ts"

/** What the router knows of one open session (for `show users`, unsolicited lines and drops). */
export interface SessionHandle {
  readonly kind: SimChannelKind
  /** `con0/RSP0/CPU0` or `vty<n>`. */
  readonly line: string
  readonly user: () => string | undefined
  /** Queue unsolicited lines; printed once the session sits at a prompt. */
  readonly deliver: (lines: ReadonlyArray<string>) => void
  readonly close: () => void
  /** The router goes down: SSH and telnet sessions close; a console stays open, silent and logged out. */
  readonly reboot: () => void
  /** Logins work again: a console prints `Press RETURN to get started.`. */
  readonly bootCompleted: () => void
}

/** The shared state of one simulated router, as the commands see it. */
export interface RouterRuntime {
  readonly config: ResolvedRouterConfig
  readonly clock: VirtualClock
  readonly timers: SimTimers
  readonly faults: () => SimFaults
  readonly packages: PackageStore
  readonly files: FileStore
  readonly install: InstallEngine
  readonly boot: BootState
  readonly sessions: () => ReadonlyArray<SessionHandle>
  readonly disk: { used: number }
  /** Commands still to answer `Please try command later` (eXR). */
  readonly tryLater: { left: number }
  /** Lines of `show logging` (install completions are appended). */
  readonly syslog: Array<string>
}
