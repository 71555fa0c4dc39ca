import { startSimulatedRouter } from "@csm/adapters-device"
import { Console, Effect } from "effect"
import { LabStartFailed } from "./lab-errors.ts"
import type { LabOptions } from "./lab-options.ts"
import { labRouterLine, osOfRouter, planLabRouters } from "./lab-routers.ts"
import type { LabRouterPlan } from "./lab-routers.ts"
import { readLabSoftware } from "./lab-software.ts"
import type { LabOsKind, LabSoftware } from "./lab-software.ts"

/**
 * Starts the lab's routers one after the other, printing each one's line as soon as it listens, and
 * keeps them until the scope closes (SIGINT or SIGTERM), when every router stops.
 */

const startRouter = (plan: LabRouterPlan) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: () => startSimulatedRouter(plan.config, { sshPort: plan.sshPort, telnetPort: plan.telnetPort }),
      catch: (error) =>
        new LabStartFailed({ message: `Cannot start ${plan.hostname}: ${error instanceof Error ? error.message : String(error)}` })
    }),
    (router) => Effect.promise(() => router.stop())
  )

export const runLab = (options: LabOptions) =>
  Effect.gen(function*() {
    const kinds = [...new Set(Array.from({ length: options.count }, (_, index) => osOfRouter(options.os, index)))]
    const software = new Map<LabOsKind, LabSoftware>()
    for (const os of kinds) software.set(os, yield* readLabSoftware(os))
    const plans = planLabRouters(options, (os) => software.get(os)!)
    for (const plan of plans) {
      const router = yield* startRouter(plan)
      yield* Console.log(labRouterLine(plan, router))
    }
    return yield* Effect.never
  }).pipe(Effect.scoped)
