import { Effect, Redacted } from "effect"
import type { DeviceJob, DeviceOutcome, DeviceUpdate, PreUpgradeCaptures } from "@csm/core"
import { connect } from "../../driver/connect.ts"
import type { SimulatedRouterConfig } from "../../simulator/config.ts"
import type { SimulatedRouter } from "../../simulator/simulated-router.ts"
import { makeSimulatedRouter } from "../../simulator/simulated-router.ts"
import type { RunningSimulatedRouter } from "../../simulator/transport/start-simulated-router.ts"
import { startSimulatedRouter } from "../../simulator/transport/start-simulated-router.ts"
import type { TimingKey } from "../../timing/timing-profile.ts"
import { makeTiming } from "../../timing/timing-profile.ts"
import type { HostMemories } from "../host-memory.ts"
import { makeHostMemories } from "../host-memory.ts"
import { runJob } from "../run-job.ts"

/**
 * Runs jobs through the gateway against simulated routers over real sockets (DEVICE.md §10), the
 * driver and the simulator at one time scale. Test files call `afterEach(stopRouters)`.
 */

const secrets = {
  seal: (plain: Redacted.Redacted<string>) => Effect.succeed(Redacted.value(plain)),
  open: (sealed: string) => Effect.succeed(Redacted.make(sealed))
}

export type Router = RunningSimulatedRouter & { readonly model: SimulatedRouter }

export const PASSWORD = "router-secret"

const running: Array<Router> = []

export const stopRouters = async (): Promise<void> => {
  await Promise.all(running.splice(0).map((router) => router.stop()))
}

export const startRouter = async (config: SimulatedRouterConfig) => {
  const model = makeSimulatedRouter({ timeScale: 0.001, users: [{ username: "cisco", password: PASSWORD }], ...config })
  const router: Router = { ...(await startSimulatedRouter(model)), model }
  running.push(router)
  return router
}

export interface JobRun {
  readonly outcome: DeviceOutcome
  readonly statuses: ReadonlyArray<string>
  readonly files: ReadonlyMap<string, string>
}

let nextJobId = 100

export const runOn = async (
  router: Router,
  action: string,
  options: {
    readonly memories?: HostMemories
    readonly transport?: "ssh" | "telnet"
    readonly job?: Partial<DeviceJob>
    readonly timeScale?: number
    readonly overrides?: Partial<Record<TimingKey, number>>
    /** Sees each status as it is posted (to set a fault once a step starts). */
    readonly onStatus?: (message: string) => void
  } = {}
): Promise<JobRun> => {
  const transport = options.transport ?? "telnet"
  const updates: Array<DeviceUpdate> = []
  const job: DeviceJob = {
    id: nextJobId++,
    action,
    target: {
      hostname: router.model.hostname,
      connection_type: transport,
      ts_or_ip: ["127.0.0.1"],
      port_number: [transport === "ssh" ? router.sshPort : router.telnetPort],
      username: "cisco",
      password: PASSWORD
    },
    packages: [],
    server_directory: "",
    commands: [],
    startedAt: "2017-03-07T10:15:02.000Z",
    ...options.job
  }
  const outcome = await Effect.runPromise(runJob({
    secrets,
    connect,
    timing: makeTiming({ timeScale: options.timeScale ?? 0.001, minTimeoutMs: 200, overrides: options.overrides ?? {} }),
    diff: (a, b, before, after) => `--- ${a}\n+++ ${b}\n${before === after ? "" : "changed\n"}`,
    memories: options.memories ?? makeHostMemories(),
    now: () => Date.now()
  })(job, (update) => Effect.sync(() => {
    updates.push(update)
    if (update._tag === "Status") options.onStatus?.(update.message)
  })))
  const files = new Map<string, string>()
  for (const update of updates) {
    if (update._tag !== "Log") continue
    const name = update.file.slice(update.file.indexOf("/") + 1)
    files.set(name, (files.get(name) ?? "") + update.text)
  }
  return { outcome, statuses: updates.flatMap((update) => update._tag === "Status" ? [update.message] : []), files }
}

/** What the executor hands a Post-Upgrade: the `.txt` captures of a completed Pre-Upgrade run. */
export const capturesOf = (run: JobRun): PreUpgradeCaptures => ({
  completedAt: new Date().toISOString(),
  files: new Map([...run.files].filter(([name]) => name.endsWith(".txt")))
})
