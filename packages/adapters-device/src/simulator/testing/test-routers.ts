import { afterEach } from "vitest"
import type { Flavour, SimulatedRouterConfig } from "../config.ts"
import type { SimulatedRouter } from "../simulated-router.ts"
import { makeSimulatedRouter } from "../simulated-router.ts"
import type { SimTerminal } from "../sim-terminal.ts"
import { openTerminal } from "../sim-terminal.ts"

/** A terminal logged in over SSH as `cisco`, and `run`: a command's output after the echo, `\r` removed. */
export interface LoggedIn {
  readonly t: SimTerminal
  readonly run: (command: string) => Promise<string>
}

export const loginSsh = (router: SimulatedRouter): LoggedIn => {
  const t = openTerminal(router, { transport: "ssh", username: "cisco" })
  const run = async (command: string): Promise<string> => (await t.command(command)).replace(/\r/g, "")
  return { t, run }
}

/** A router, a first session on it, and `login` for more sessions. */
export interface RouterSession extends LoggedIn {
  readonly router: SimulatedRouter
  readonly login: () => LoggedIn
}

/**
 * In-process simulated routers for the tests of one file: time scaled down and progress advanced
 * by polls (no timers to wait for), each router stopped after its test.
 * Call at the top of the test file, where it registers the `afterEach`.
 */
export const useTestRouters = () => {
  const routers: Array<SimulatedRouter> = []
  afterEach(() => routers.splice(0).forEach((router) => router.stop()))
  const router = (flavour: Flavour, extra: Partial<SimulatedRouterConfig> = {}): SimulatedRouter => {
    const made = makeSimulatedRouter({ flavour, timeScale: 0.0001, progressMode: "polls", ...extra })
    routers.push(made)
    return made
  }
  const session = (flavour: Flavour, extra: Partial<SimulatedRouterConfig> = {}): RouterSession => {
    const made = router(flavour, extra)
    return { router: made, login: () => loginSsh(made), ...loginSsh(made) }
  }
  return { router, session }
}
