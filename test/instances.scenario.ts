import { randomBytes } from "node:crypto"
import { join } from "node:path"
import { setTimeout as pause } from "node:timers/promises"
import { PostgresEventStore } from "@csm/adapters-store"
import type { Checkpoint, RecordedEvent } from "@csm/core"
import { EventStore, Start } from "@csm/core"
import { Effect } from "effect"
import { scratchDatabase } from "../packages/adapters-store/src/postgres/testing/scratch-database.ts"
import type { Credentials } from "../packages/adapters-http/src/testing/client.ts"
import { dig } from "../packages/adapters-http/src/testing/client.ts"
import type { ServerProcess } from "../packages/server/src/testing/server-process.ts"
import { startServer } from "../packages/server/src/testing/server-process.ts"
import { ADMIN } from "./harness/csm.ts"
import type { JobRow } from "./harness/jobs.ts"
import { isFinished, listJobs, schedule, waitForJobs } from "./harness/jobs.ts"
import type { Router } from "./harness/lab.ts"
import { addHosts, addRegion } from "./harness/lab.ts"
import { makeScenario } from "./harness/scenario.ts"

/**
 * Issue 7 item 4: two `csm-server` processes on one PostgreSQL database share 200 jobs (a
 * Pre-Upgrade and a Post-Upgrade on each of 100 simulated routers). One of them is killed with
 * SIGKILL while it runs jobs; the other fails those jobs once their lease has run out and runs the rest.
 */

const ROUTERS = 100
const TIME_SCALE = 0.01
export const LEASE_SECONDS = 3

export interface InstancesRun {
  /** The instance ids the two servers logged. */
  readonly instances: { readonly survivor: string; readonly killed: string }
  /** Whether a token from one server was accepted by the other. */
  readonly tokenAcceptedByOther: boolean
  /** The jobs as each server listed them right after the POST to the survivor. */
  readonly justScheduled: { readonly survivor: ReadonlyArray<JobRow>; readonly other: ReadonlyArray<JobRow> }
  /** The jobs the killed server was running when it was killed. */
  readonly runningAtKill: ReadonlyArray<number>
  /** The jobs once every job has ended or is blocked, from the survivor and from a third server started then. */
  readonly final: { readonly survivor: ReadonlyArray<JobRow>; readonly late: ReadonlyArray<JobRow> }
  /** The whole event log, in global order, once the run is over. */
  readonly log: ReadonlyArray<RecordedEvent>
  readonly stop: () => Promise<void>
}

/** Every event of the store at `url`, in global order, read through the adapter's own port. */
const readLog = (url: string): Promise<ReadonlyArray<RecordedEvent>> =>
  Effect.runPromise(Effect.gen(function*() {
    const store = yield* EventStore
    const events: Array<RecordedEvent> = []
    let after: Checkpoint = Start
    for (;;) {
      const page = yield* store.readAll(after, 10_000)
      events.push(...page.events)
      after = page.next
      if (page.atEnd) return events
    }
  }).pipe(Effect.provide(PostgresEventStore.layer({ url })), Effect.scoped))

/** The instance id a server logged at start. */
const instanceOf = async (server: ServerProcess): Promise<string> => (await server.waitForLine(/Instance ([0-9a-f-]{36})/))[1]!

/** The jobs started by `instance` that have not ended, according to the log. */
const runningOn = (log: ReadonlyArray<RecordedEvent>, instance: string): ReadonlyArray<number> => {
  const running = new Set<number>()
  for (const event of log) {
    const data = event.data as { readonly id?: number; readonly instance?: string }
    if (event.type === "InstallJobStarted" && data.instance === instance) running.add(data.id!)
    if (event.type === "InstallJobCompleted" || event.type === "InstallJobFailed") running.delete(data.id!)
  }
  return [...running]
}

export const runInstances = async (postgresUrl: string): Promise<InstancesRun> => {
  const { tmp, lab, keep, onStop, stop } = makeScenario()
  const database = await scratchDatabase(postgresUrl, `csm_instances_${process.pid}_${Date.now().toString(36)}`)
  onStop(database.drop)
  const storeUrl = database.url
  const secretKey = randomBytes(32).toString("hex")
  // One secret key for both: each opens the other's sealed passwords and accepts its tokens.
  const env = (name: string) => ({
    CSM_STORE: storeUrl,
    CSM_DATA_DIR: join(tmp.path, name),
    CSM_SECRET_KEY: secretKey,
    CSM_ADMIN_PASSWORD: ADMIN[1],
    CSM_CCO_REFRESH_SECONDS: "0",
    CSM_DEVICE_TIME_SCALE: String(TIME_SCALE),
    CSM_MAX_CONCURRENT_JOBS: "10",
    CSM_LEASE_SECONDS: String(LEASE_SECONDS)
  })
  const start = (name: string) => keep(startServer(env(name)))
  try {
    const routers: Array<Router> = []
    for (let index = 0; index < ROUTERS; index++) {
      routers.push(await lab.router({ flavour: "xr", hostname: `PE${index}`, timeScale: TIME_SCALE }))
    }
    // Both start at once on the empty store: one creates the Admin user, the other finds it.
    const [survivor, other] = await Promise.all([start("survivor"), start("other")])
    const instances = { survivor: await instanceOf(survivor), killed: await instanceOf(other) }

    const token: Credentials = [String(dig((await survivor.get("/api/v1/token", ADMIN)).body, "token")), "unused"]
    const tokenAcceptedByOther = (await other.get("/api/v1/regions", token)).status === 200

    await addRegion(survivor)
    await addHosts(survivor, routers.map((router, index) => ({
      hostname: `host-${index}`,
      router,
      transport: index % 2 === 0 ? "ssh" : "telnet"
    })))
    await schedule(survivor, routers.flatMap((_, index) => [
      { hostname: `host-${index}`, install_action: "Pre-Upgrade" },
      { hostname: `host-${index}`, install_action: "Post-Upgrade" }
    ]))
    const justScheduled = { survivor: await listJobs(survivor), other: await listJobs(other) }

    // Kill the other server once it runs a few jobs.
    let runningAtKill: ReadonlyArray<number> = []
    const deadline = Date.now() + 60_000
    while (runningAtKill.length < 3) {
      if (Date.now() > deadline) throw new Error("The other server never ran three jobs at once")
      await pause(50)
      runningAtKill = runningOn(await readLog(storeUrl), instances.killed)
    }
    await other.stop("SIGKILL")
    runningAtKill = runningOn(await readLog(storeUrl), instances.killed)

    const settled = (rows: ReadonlyArray<JobRow>) =>
      rows.every((row) => isFinished(row) || row.status_message.startsWith("Blocked:"))
    const finalSurvivor = await waitForJobs(survivor, settled, 120_000)
    const late = await start("late")
    const final = { survivor: finalSurvivor, late: await listJobs(late) }
    return { instances, tokenAcceptedByOther, justScheduled, runningAtKill, final, log: await readLog(storeUrl), stop }
  } catch (error) {
    await stop()
    throw error
  }
}
