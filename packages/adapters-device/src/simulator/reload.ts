import type { VirtualClock } from "./clock.ts"
import type { SimDurations } from "./config.ts"
import type { SimTimers } from "./timers.ts"

/**
 * The reload sequence (DEVICE.md §9.4): wait `reloadDropDelay`, drop every session, meet new
 * connections with `bootRefuseMode` for `boot`, then accept while the other CPU nodes show
 * `BOOTING` for `nodesBoot`, then run.
 */
export type BootPhase = "up" | "booting" | "nodesBooting"

export interface BootState {
  phase: BootPhase
  /** Which RSP is active (`RSP1` after a switchover). */
  activeRsp: 0 | 1
  bootedAt: Date
}

export interface Reloader {
  /** Start a reload; `atDrop` runs just before the sessions drop. A reload already under way wins. */
  readonly start: (atDrop: () => void) => void
}

export const makeReloader = (deps: {
  readonly boot: BootState
  readonly durations: SimDurations
  readonly timers: SimTimers
  readonly clock: VirtualClock
  readonly swapRsp: boolean
  readonly dropAllSessions: () => void
  readonly phaseChanged: () => void
}): Reloader => {
  let reloading = false
  const enter = (phase: BootPhase): void => {
    deps.boot.phase = phase
    deps.phaseChanged()
  }
  return {
    start: (atDrop) => {
      if (reloading) return
      reloading = true
      deps.timers.after(deps.durations.reloadDropDelay, () => {
        atDrop()
        deps.dropAllSessions()
        if (deps.swapRsp) deps.boot.activeRsp = deps.boot.activeRsp === 0 ? 1 : 0
        enter("booting")
        deps.timers.after(deps.durations.boot, () => {
          deps.boot.bootedAt = deps.clock.now()
          enter("nodesBooting")
          deps.timers.after(deps.durations.nodesBoot, () => {
            reloading = false
            enter("up")
          })
        })
      })
    }
  }
}
