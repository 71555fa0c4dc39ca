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
 * keeps them until the scope closes (SIGINT or SIGTERM), when every router stops. `planLab` and
 * `startLabRouter` also serve `npm run demo`.
 */

/** The software of every personality the lab runs, each read once from the bundled catalog. */
const readLabSoftwareFor = (options: LabOptions) =>
  Effect.gen(function*() {
    const kinds = [...new Set(Array.from({ length: options.count }, (_, index) => osOfRouter(options.os, index)))]
    const software = new Map<LabOsKind, LabSoftware>()
    for (const os of kinds) software.set(os, yield* readLabSoftware(os))
    return (os: LabOsKind): LabSoftware => software.get(os)!
  })

/** The routers the options ask for, with their software. */
export const planLab = (options: LabOptions) => Effect.map(readLabSoftwareFor(options), (softwareOf) => planLabRouters(options, softwareOf))

/** One router, listening until the scope closes. */
export const startLabRouter = (plan: LabRouterPlan) =>
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
    for (const plan of yield* planLab(options)) {
      const router = yield* startLabRouter(plan)
      yield* Console.log(labRouterLine(plan, router))
    }
    return yield* Effect.never
  }).pipe(Effect.scoped)
