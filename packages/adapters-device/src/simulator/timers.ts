/**
 * Every timer of one simulated router, scaled by `timeScale` and cleared together by `stop()`.
 * Plain `setTimeout`: the simulator is a test fixture, not Effect code.
 */
export interface SimTimers {
  /** Run `action` after `seconds` of simulated time. */
  readonly after: (seconds: number, action: () => void) => void
  readonly clearAll: () => void
}

export const makeTimers = (timeScale: number): SimTimers => {
  const pending = new Set<NodeJS.Timeout>()
  return {
    after: (seconds, action) => {
      const timer = setTimeout(() => {
        pending.delete(timer)
        action()
      }, Math.max(0, seconds * 1000 * timeScale))
      pending.add(timer)
    },
    clearAll: () => {
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
    }
  }
}
