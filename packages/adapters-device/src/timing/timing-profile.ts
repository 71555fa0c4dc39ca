/**
 * The driver's timing profile (DEVICE.md §1), in unscaled seconds. Every value is multiplied by one
 * `timeScale`; sleeps use the product and timeouts `max(product, minTimeoutMs)`, so that tests run the
 * driver and the simulator at the same small scale while a loaded machine still sees its echoes.
 */
export const defaultTimingSeconds = {
  tcpConnectTelnet: 180,
  tcpConnectSsh: 120,
  loginStep: 10,
  firstPromptTelnet: 20,
  firstPromptSsh: 30,
  telnetWake: 10,
  betweenTargets: 2,
  connectBudget: 120,
  reconnectBudget: 360,
  reconnectPass: 30,
  echo: 15,
  command: 300,
  capture: 2200,
  showVersion: 120,
  cfsCheck: 300,
  logging: 300,
  showPlatform: 600,
  pieInfo: 3600,
  installClassic: 7200,
  commitClassic: 60,
  addExr: 100,
  removeExr: 600,
  activateExrStep: 300,
  passwordPrompt: 60,
  scpCopy: 3600,
  completionWait: 20,
  poll: 300,
  watchRetries: 3,
  watchRetrySleep: 60,
  tryLaterInterval: 10,
  tryLaterLimit: 60,
  reloadGrace: 10,
  reloadInitialWaitClassic: 60,
  reloadInitialWaitExr: 600,
  reloadReconnectBudget: 3600,
  reloadSettle: 100,
  nodePollInterval: 30,
  nodeWaitLimitClassic: 3600,
  nodeWaitLimitExr: 7200,
  consoleReload: 1500,
  promptFirstByte: 8,
  promptQuiet: 1.6
} as const

export type TimingKey = keyof typeof defaultTimingSeconds

/** Counts (`watchRetries`, `tryLaterLimit`) are not scaled. */
const counts: ReadonlySet<TimingKey> = new Set(["watchRetries", "tryLaterLimit"])

export interface TimingOptions {
  readonly timeScale?: number
  readonly minTimeoutMs?: number
  readonly overrides?: Partial<Record<TimingKey, number>>
}

export interface Timing {
  readonly timeScale: number
  /** A pause: the scaled value in milliseconds. */
  readonly sleepMs: (key: TimingKey) => number
  /** A bound on a wait: the scaled value, never under `minTimeoutMs`. */
  readonly timeoutMs: (key: TimingKey) => number
  /** A count (retries, tries), unscaled. */
  readonly count: (key: TimingKey) => number
}

export const makeTiming = ({ timeScale = 1, minTimeoutMs = 0, overrides = {} }: TimingOptions = {}): Timing => {
  const seconds = (key: TimingKey): number => overrides[key] ?? defaultTimingSeconds[key]
  const sleepMs = (key: TimingKey): number => seconds(key) * 1000 * timeScale
  return {
    timeScale,
    sleepMs,
    timeoutMs: (key) => Math.max(sleepMs(key), minTimeoutMs),
    count: (key) => (counts.has(key) ? seconds(key) : Math.round(seconds(key)))
  }
}
