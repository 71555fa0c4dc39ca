import { afterAll, beforeAll } from "vitest"
import type { FullChainRun } from "./full-chain.scenario.ts"
import { runFullChains } from "./full-chain.scenario.ts"
import { fullChainChecks } from "./full-chain.checks.ts"
import type { RestartRun } from "./restart.scenario.ts"
import { runRestart } from "./restart.scenario.ts"
import { restartChecks } from "./restart.checks.ts"

/**
 * The two end-to-end scenarios that wait for a whole minute (`scheduled_time` has minute precision):
 * run side by side in one file, so that their waits overlap instead of adding up.
 */

let chains: FullChainRun
let restart: RestartRun

beforeAll(async () => {
  const [chainsRun, restartRun] = await Promise.allSettled([runFullChains(), runRestart()])
  if (chainsRun.status === "fulfilled") chains = chainsRun.value
  if (restartRun.status === "fulfilled") restart = restartRun.value
  for (const settled of [chainsRun, restartRun]) if (settled.status === "rejected") throw settled.reason
}, 150_000)

afterAll(async () => {
  await Promise.all([chains?.stop(), restart?.stop()])
})

fullChainChecks(() => chains)
restartChecks(() => restart)
