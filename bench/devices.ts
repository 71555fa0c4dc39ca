import { execFileSync } from "node:child_process"
import { monitorEventLoopDelay } from "node:perf_hooks"
import type { DeviceJob, DeviceOutcome, DeviceUpdate, PreUpgradeCaptures } from "@csm/core"
import { DeviceGateway, IMPLICIT_CHAIN, SecretBox } from "@csm/core"
import type { RunningSimulatedRouter, SimulatedRouterConfig } from "@csm/adapters-device"
import { connect, makeTiming, NetworkDeviceGateway, startSimulatedRouter } from "@csm/adapters-device"
import { Effect, Exit, Layer, Redacted, Scope } from "effect"
import { check, finish, format, show } from "./measure.ts"

/**
 * Issue 5: the device driver at scale. Simulated routers (alternately classic XR, reached over
 * telnet, and eXR, over SSH) listen on loopback in this very process, and the real driver runs a
 * full Pre-Upgrade→Add→Activate→Post-Upgrade→Commit chain on each through `DeviceGateway.run`: the
 * five jobs of a router in sequence, every router at once. The baseline is the same chain on
 * fresh routers, one after the other. Both sides' CPU and memory count, since both run here.
 *
 * `--routers N`, `--time-scale F` and `--min-timeout-ms M` override the defaults (500, 0.001, 3,000 ms;
 * the driver and the simulator always run at one time scale).
 */

const option = (flag: string): number | undefined => {
  const index = process.argv.indexOf(flag)
  return index === -1 ? undefined : Number(process.argv[index + 1])
}

const WANTED_ROUTERS = option("--routers") ?? 500
const SEQUENTIAL = 20
const WARMUPS = 2
const TIME_SCALE = option("--time-scale") ?? 0.001
/**
 * The floor of every timeout (and quiet period) when all routers run at once: the one process is
 * then saturated, and a floor of 1 s still let SSH logins time out.
 */
const MIN_TIMEOUT_MS = option("--min-timeout-ms") ?? 3_000
/** One chain at a time completes at the server's own floor: the baseline's best time. */
const BASELINE_MIN_TIMEOUT_MS = 200

/**
 * Descriptors a router takes at most: its two listeners, both ends of a job's connection, and both
 * ends of a weighed session.
 */
const FDS_PER_ROUTER = 6
const fdLimit = Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim())
const ROUTERS = Math.min(WANTED_ROUTERS, 2 * Math.floor((fdLimit - 200 - (WARMUPS + SEQUENTIAL) * FDS_PER_ROUTER) / FDS_PER_ROUTER / 2))

const LOGIN = { username: "cisco", password: "bench-router-password" }
const SEALED = "sealed:"
/** Seals by prefixing: the gateway still opens every secret, without the cost of real encryption. */
const PrefixSecretBox = Layer.succeed(SecretBox, {
  seal: (plain) => Effect.succeed(SEALED + Redacted.value(plain)),
  open: (sealed) => Effect.succeed(Redacted.make(sealed.slice(SEALED.length)))
})

/** What each personality installs: a process-restart package of its preset repository, over TFTP. */
const personalities = {
  xr: { transport: "telnet", file: "asr9k-px-5.3.3.CSCuz05961.pie", directory: "533" },
  exr: { transport: "ssh", file: "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm", directory: "612" }
} as const
const REPOSITORY = { name: "tftp", server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images" } }
const COMMANDS = ["show version", "show install active summary"]

type Router = RunningSimulatedRouter & { readonly flavour: keyof typeof personalities; readonly hostname: string }

const startRouters = (count: number, prefix: string): Promise<Array<Router>> =>
  Promise.all(Array.from({ length: count }, async (_, index) => {
    const flavour = index % 2 === 0 ? "xr" : "exr"
    const hostname = `${prefix}-${flavour}-${String(index + 1).padStart(3, "0")}`
    const config: SimulatedRouterConfig = { flavour, hostname, timeScale: TIME_SCALE, users: [LOGIN] }
    return { ...(await startSimulatedRouter(config)), flavour, hostname }
  }))

const portOf = (router: Router) => personalities[router.flavour].transport === "ssh" ? router.sshPort : router.telnetPort

/** The gateway with timeouts of at least `minTimeoutMs`. */
const gatewayWith = (minTimeoutMs: number) =>
  Effect.runPromise(
    Effect.gen(function*() {
      return yield* DeviceGateway
    }).pipe(Effect.provide(NetworkDeviceGateway.layer({ timing: { timeScale: TIME_SCALE, minTimeoutMs } }).pipe(
      Layer.provide(PrefixSecretBox)
    )))
  )

interface Failure {
  readonly hostname: string
  readonly action: string
  readonly message: string
}

let nextJobId = 1

/**
 * One router's chain, as the executor would run it: each job after the previous one completed, the
 * Post-Upgrade given the Pre-Upgrade's captures. A failed job ends the chain (its dependents would
 * stay blocked). Only the Pre-Upgrade's `.txt` files are kept; other log text is dropped.
 */
const runChain = (gateway: DeviceGateway["Service"]) => async (router: Router): Promise<{ readonly completed: number; readonly failure?: Failure }> => {
  const personality = personalities[router.flavour]
  let captures: PreUpgradeCaptures | undefined
  let completed = 0
  for (const action of IMPLICIT_CHAIN) {
    const files = new Map<string, string>()
    const report = (update: DeviceUpdate) =>
      Effect.sync(() => {
        if (action !== "Pre-Upgrade" || update._tag !== "Log" || !update.file.endsWith(".txt")) return
        const name = update.file.slice(update.file.indexOf("/") + 1)
        files.set(name, (files.get(name) ?? "") + update.text)
      })
    const job: DeviceJob = {
      id: nextJobId++,
      action,
      target: {
        hostname: router.hostname,
        connection_type: personality.transport,
        ts_or_ip: ["127.0.0.1"],
        port_number: [portOf(router)],
        username: LOGIN.username,
        password: SEALED + LOGIN.password
      },
      packages: action === "Add" || action === "Activate" ? [personality.file] : [],
      ...(action === "Add" && { repository: REPOSITORY }),
      server_directory: action === "Add" ? personality.directory : "",
      commands: action === "Pre-Upgrade" || action === "Post-Upgrade" ? COMMANDS : [],
      startedAt: new Date().toISOString(),
      ...(action === "Post-Upgrade" && captures !== undefined && { lastPreUpgrade: captures })
    }
    const outcome: DeviceOutcome = await Effect.runPromise(gateway.run(job, report))
    if (outcome._tag === "Failed") return { completed, failure: { hostname: router.hostname, action, message: outcome.message } }
    if (action === "Pre-Upgrade") captures = { completedAt: new Date().toISOString(), files }
    completed++
  }
  return { completed }
}

/** Wall milliseconds, CPU milliseconds (user + system) and the outcomes of `task`. */
const measured = async <A>(task: () => Promise<A>) => {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const result = await task()
  const wall = performance.now() - start
  const { user, system } = process.cpuUsage(cpu)
  return { result, wall, cpu: (user + system) / 1000 }
}

const allChains = async (routers: ReadonlyArray<Router>) => Promise.all(routers.map(runChain(await gatewayWith(MIN_TIMEOUT_MS))))
const oneByOne = async (routers: ReadonlyArray<Router>) => {
  const chain = runChain(await gatewayWith(BASELINE_MIN_TIMEOUT_MS))
  const results = []
  for (const router of routers) results.push(await chain(router))
  return results
}

// --- Memory of idle logged-in sessions: the driver's and the simulator's sides together.
const gc = (globalThis as { gc?: () => void }).gc
const weigh = () => {
  gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heapUsed }
}
const silentRecorder = { transcript: () => {}, step: () => {}, file: () => {}, secret: () => {} }
/**
 * Sessions are opened 50 at a time with timeouts of at least a second, so that 50 SSH handshakes at
 * once never time out; a higher floor would only stretch the driver's quiet periods (DEVICE.md §2.3),
 * which costs time, not memory.
 */
const sessionTiming = makeTiming({ timeScale: TIME_SCALE, minTimeoutMs: 1_000 })
const openSessions = (routers: ReadonlyArray<Router>, scope: Scope.Scope) =>
  Effect.runPromise(Effect.forEach(routers, (router) =>
    connect({
      hostname: router.hostname,
      connection_type: personalities[router.flavour].transport,
      ts_or_ip: ["127.0.0.1"],
      port_number: [portOf(router)],
      username: LOGIN.username,
      password: Redacted.make(LOGIN.password)
    }, { timing: sessionTiming, recorder: silentRecorder, status: () => Effect.void, budget: "connectBudget" }).pipe(Scope.provide(scope)), {
    concurrency: 50,
    discard: true
  }))

// --- The baseline, first, so that the idle routers of the rest cost it nothing: chains one after
// the other, after untimed ones that let the JIT settle.
const fresh = await startRouters(WARMUPS + SEQUENTIAL, "baseline")
await oneByOne(fresh.slice(0, WARMUPS))
const sequential = await measured(() => oneByOne(fresh.slice(WARMUPS)))
await Promise.all(fresh.map((router) => router.stop()))

const startedAt = performance.now()
const routers = await startRouters(ROUTERS, "bench")
const startSeconds = (performance.now() - startedAt) / 1000

const scope = await Effect.runPromise(Scope.make())
const idle = weigh()
const classic = routers.filter((router) => router.flavour === "xr")
const exr = routers.filter((router) => router.flavour === "exr")
await openSessions(classic, scope)
const withTelnet = weigh()
await openSessions(exr, scope)
const withBoth = weigh()
await Effect.runPromise(Scope.close(scope, Exit.void))

// --- Every router at once.
// How late timers fire while everything runs: what the timeouts' floor has to absorb.
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const concurrent = await measured(() => allChains(routers))
loopDelay.disable()
await Promise.all(routers.map((router) => router.stop()))

const failures = [...sequential.result, ...concurrent.result].flatMap((chain) => chain.failure === undefined ? [] : [chain.failure])
const jobs = ROUTERS * IMPLICIT_CHAIN.length
const completedJobs = concurrent.result.reduce((sum, chain) => sum + chain.completed, 0)
const extrapolated = (sequential.wall / SEQUENTIAL) * ROUTERS
const perSession = (after: number, before: number, count: number) => `${format((after - before) / count / 1024)} KiB`

console.log(
  `devices: ${format(ROUTERS)} simulated routers in this process (${classic.length} classic XR over telnet, ${exr.length} eXR over SSH), ` +
    `a full chain of ${IMPLICIT_CHAIN.length} jobs each; time scale ${TIME_SCALE}, timeouts ≥ ${MIN_TIMEOUT_MS} ms; ulimit -n ${fdLimit}`
)
if (ROUTERS < WANTED_ROUTERS) console.log(`  (${WANTED_ROUTERS} routers would not fit in ulimit -n ${fdLimit}: lowered to ${ROUTERS})`)
show("routers started", `${format(startSeconds, 1)} s`)
show(`baseline: ${SEQUENTIAL} chains one by one`, `${format(sequential.wall / 1000, 1)} s`, `${format(sequential.wall / SEQUENTIAL)} ms a chain; timeouts ≥ ${BASELINE_MIN_TIMEOUT_MS} ms`)
show(`— extrapolated to ${format(ROUTERS)} chains`, `${format(extrapolated / 1000)} s`, `${format(ROUTERS)} × the mean of ${SEQUENTIAL}, not run`)
show(`— CPU per chain, one by one`, `${format(sequential.cpu / SEQUENTIAL)} ms`)
show(`${format(ROUTERS)} chains at once, wall time`, `${format(concurrent.wall / 1000, 1)} s`)
show("— jobs per second", format(completedJobs / (concurrent.wall / 1000), 1), `${format(completedJobs)} jobs`)
show("— CPU per chain", `${format(concurrent.cpu / ROUTERS)} ms`, `${format(concurrent.cpu / jobs, 1)} ms a job; driver and simulator`)
show("— event-loop delay, p99", `${format(loopDelay.percentile(99) / 1e6)} ms`, `max ${format(loopDelay.max / 1e6)} ms`)
show("— speed-up over one by one", `${format(extrapolated / concurrent.wall, 1)}×`, "against the extrapolation")
show(`idle telnet session (${classic.length}), RSS`, perSession(withTelnet.rss, idle.rss, classic.length), `heap ${perSession(withTelnet.heapUsed, idle.heapUsed, classic.length)}`)
show(`idle SSH session (${exr.length}), RSS`, perSession(withBoth.rss, withTelnet.rss, exr.length), `heap ${perSession(withBoth.heapUsed, withTelnet.heapUsed, exr.length)}`)
show(`any session (${ROUTERS}), RSS`, perSession(withBoth.rss, idle.rss, ROUTERS), `heap ${perSession(withBoth.heapUsed, idle.heapUsed, ROUTERS)}`)
if (gc === undefined) console.log("  (run with node --expose-gc to weigh the sessions without garbage)")
check("jobs completed", `${format(completedJobs)} / ${format(jobs)}`, failures.length === 0, "all, no failure")
for (const failure of failures.slice(0, 20)) console.log(`  FAILED ${failure.hostname} ${failure.action}: ${failure.message}`)
if (failures.length > 20) console.log(`  … and ${failures.length - 20} more failed chains`)
finish()
