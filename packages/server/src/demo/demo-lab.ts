import { startBastion } from "@csm/adapters-device"
import { Effect } from "effect"
import type { LabRepository } from "../lab/lab-routers.ts"
import type { LabOsKind } from "../lab/lab-software.ts"
import { planLab, startLabRouter } from "../lab/run-lab.ts"
import { DemoSetupFailed } from "./demo-errors.ts"

/**
 * The demo's lab: the lab's mixed routers (classic first), each reached in its own way, and the SSH
 * jump host that the last one is reached through. Everything listens on 127.0.0.1 until the scope closes.
 */

export type Transport = "ssh" | "telnet"

/** How the server reaches router i. */
const access: ReadonlyArray<{ readonly transport: Transport; readonly viaJumpHost: boolean }> = [
  { transport: "ssh", viaJumpHost: false },
  { transport: "ssh", viaJumpHost: false },
  { transport: "telnet", viaJumpHost: false },
  { transport: "telnet", viaJumpHost: false },
  { transport: "telnet", viaJumpHost: true }
]

export interface DemoHost {
  readonly hostname: string
  readonly os: LabOsKind
  readonly release: string
  readonly transport: Transport
  /** The router's port of that transport, on 127.0.0.1. */
  readonly port: number
  readonly viaJumpHost: boolean
  readonly username: string
  readonly password: string
  readonly repository: LabRepository
  readonly packages: ReadonlyArray<string>
  /** The packages whose activation restarts processes instead of reloading the router: the quick ones. */
  readonly restartPackages: ReadonlyArray<string>
}

export interface DemoJumpHost {
  readonly name: string
  readonly port: number
  readonly username: string
  readonly password: string
}

export interface DemoLab {
  readonly hosts: ReadonlyArray<DemoHost>
  readonly jumpHost: DemoJumpHost
  readonly timeScale: number
}

const startJumpHost = Effect.acquireRelease(
  Effect.tryPromise({
    try: () => startBastion(),
    catch: (error) => new DemoSetupFailed({ message: `Cannot start the jump host: ${error instanceof Error ? error.message : String(error)}` })
  }),
  (bastion) => Effect.promise(() => bastion.stop())
)

export const startDemoLab = (timeScale: number) =>
  Effect.gen(function*() {
    const plans = yield* planLab({ count: access.length, os: "mixed", basePort: undefined, timeScale })
    const hosts: Array<DemoHost> = []
    for (const [index, plan] of plans.entries()) {
      const { transport, viaJumpHost } = access[index]!
      const router = yield* startLabRouter(plan)
      const files = Object.values(plan.config.repositories ?? {}).flatMap((repository) => Object.entries(repository.files))
      hosts.push({
        hostname: plan.hostname,
        os: plan.os,
        release: plan.config.softwareVersion ?? "",
        transport,
        port: transport === "ssh" ? router.sshPort : router.telnetPort,
        viaJumpHost,
        username: plan.username,
        password: plan.password,
        repository: plan.repository,
        packages: plan.packages,
        restartPackages: plan.packages.filter((name) => files.some(([file, { method }]) => file === name && method === "restart"))
      })
    }
    const bastion = yield* startJumpHost
    const [login] = bastion.users
    return {
      hosts,
      jumpHost: { name: "demo-jump-host", port: bastion.port, username: login!.username, password: login!.password },
      timeScale
    } satisfies DemoLab
  })
