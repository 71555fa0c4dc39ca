import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { Agent } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { EventStore } from "@csm/core"
import { formatLocalTime, IMPLICIT_CHAIN } from "@csm/core"
import { PostgresEventStore, SqliteEventStore } from "@csm/adapters-store"
import { Effect } from "effect"
import type { Layer } from "effect"
import { writeBusyLog } from "./busy-log.ts"
import { expectOk, send as sendOn } from "./http-client.ts"
import { check, finish, format, median, show } from "./measure.ts"
import { scratchDatabase } from "@csm/adapters-store/postgres/testing"
import { startListening } from "./processes.ts"

/**
 * The server's targets, measured against the built `csm-server` as users run it (a child process
 * on the SQLite store), from this process over loopback:
 * - `GET /api/v1/hosts?page=1` (1,000 of 10,000 hosts) over 32 keep-alive connections, against a
 *   bare node:http server (another child) answering the same bytes: the ratio of requests/s;
 * - one `POST /api/v1/hosts` of 10,000 new hosts, and one `POST /api/v1/install` of 5,000 jobs;
 * - start-up on a data directory holding a busy server's log of 1,000,000 events, until the
 *   server prints that it listens (node's own start included); then the same on PostgreSQL, in a
 *   database of its own, when `CSM_BENCH_POSTGRES` or `CSM_TEST_POSTGRES` names a server
 *   (`postgres://user:password@host:port/database`, a role that may create databases).
 */

const HOSTS = 10_000
const JOB_HOSTS = 1_000
const CONNECTIONS = 32
const LOAD_SECONDS = 5
const ROUNDS = 3
const LOG_EVENTS = 1_000_000
const STARTS = 3
const TARGETS = { ratio: 0.7, postHostsMs: 2_000, postInstallMs: 2_000, startMs: 5_000 }

const MAIN = fileURLToPath(new URL("../../packages/server/dist/main.js", import.meta.url))
const BARE = fileURLToPath(new URL("bare-http-server.js", import.meta.url))
const directory = mkdtempSync(join(tmpdir(), "csm-server-bench-"))
// The 1M-event store weighs 400 MB: removed however the script ends.
process.once("exit", () => rmSync(directory, { recursive: true, force: true }))
const ADMIN = { user: "admin", password: "bench-admin-password" }

const startCsm = (dataDir: string, env: Readonly<Record<string, string>> = {}) =>
  startListening(MAIN, [], { CSM_DATA_DIR: dataDir, CSM_ADMIN_PASSWORD: ADMIN.password, ...env })

const keepAlive = () => new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
const setupAgent = keepAlive()

/** One request on the setup connections unless another agent is given. */
const send = (url: string, options: { agent?: Agent; method?: string; auth?: string; body?: string } = {}) =>
  sendOn(url, { agent: setupAgent, ...options })

/** Milliseconds of one request. */
const timed = async (task: () => Promise<unknown>) => {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/**
 * Requests per second with CONNECTIONS requests always in flight, for LOAD_SECONDS after a
 * one-second warm-up, on connections of its own that it closes at the end.
 */
const throughput = async (url: string, auth: string | undefined, expectedBytes: number) => {
  const agent = keepAlive()
  const run = async (seconds: number) => {
    const deadline = performance.now() + seconds * 1000
    let done = 0
    const connection = async () => {
      while (performance.now() < deadline) {
        const { status, body } = await send(url, { agent, ...(auth !== undefined && { auth }) })
        if (status !== 200 || body.length !== expectedBytes) throw new Error(`${url} answered ${status} with ${body.length} bytes.`)
        done++
      }
    }
    const start = performance.now()
    await Promise.all(Array.from({ length: CONNECTIONS }, connection))
    return done / ((performance.now() - start) / 1000)
  }
  await run(1)
  const rate = await run(LOAD_SECONDS)
  agent.destroy()
  return rate
}

// --- A server with 10,000 hosts and 5,000 scheduled jobs.
const csm = await startCsm(join(directory, "fleet"))
const api = (path: string) => `${csm.base}/api/v1/${path}`
const admin = `${ADMIN.user}:${ADMIN.password}`
const post = (path: string, rows: unknown, auth = admin) => expectOk(send(api(path), { method: "POST", auth, body: JSON.stringify(rows) }), `POST ${path}`)

await post("server_repositories", { hostname: "repository-1", server_type: "SFTP", server_address: "10.1.0.1", username: "csm", password: "repository-password" })
await post("custom_command_profiles", { profile_name: "profile-1", command_list: ["show version", "show install active summary"] })
await post("regions", Array.from({ length: 10 }, (_, i) => ({ region_name: `region-${i + 1}`, server_repositories: ["repository-1"] })))
const token = `${JSON.parse((await expectOk(send(api("token"), { auth: admin }), "GET token")).toString()).token}:unused`

const hostname = (index: number) => `router-${String(index).padStart(6, "0")}`
const hosts = Array.from({ length: HOSTS }, (_, index) => ({
  hostname: hostname(index),
  region: `region-${1 + (index % 10)}`,
  roles: "PE",
  connection_type: "ssh",
  ts_or_ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
  username: "cisco",
  password: `device-password-${index}`,
  location: `Building ${index % 50}, rack ${index % 40}`
}))
const postHostsMs = await timed(() => post("hosts", hosts, token))

const OFFSET_MINUTES = -7 * 60
const tomorrow = Date.now() + 24 * 3_600_000
const fields = {
  "Pre-Upgrade": { command_profile: "profile-1" },
  Add: { server_repository: "repository-1", server_directory: "smus/6.1.3", software_packages: "asr9k-px-6.1.3.CSCvd48145.pie,asr9k-px-6.1.3.CSCvc85745.pie" },
  Activate: { software_packages: "asr9k-px-6.1.3.CSCvd48145.pie,asr9k-px-6.1.3.CSCvc85745.pie" },
  "Post-Upgrade": { command_profile: "profile-1" },
  Commit: {}
}
// A full chain for every tenth host, a day ahead, in the guide's local time form.
const jobs = Array.from({ length: JOB_HOSTS }, (_, index) => hostname(index * (HOSTS / JOB_HOSTS))).flatMap((name) =>
  IMPLICIT_CHAIN.map((install_action, step) => ({
    hostname: name,
    install_action,
    scheduled_time: formatLocalTime(tomorrow + step * 15 * 60_000, OFFSET_MINUTES),
    utc_offset: "-07:00",
    ...fields[install_action]
  }))
)
const postInstallMs = await timed(() => post("install", jobs, token))

// --- GET page 1 against the bare server answering its bytes.
const page = api("hosts?page=1")
const pageBytes = await expectOk(send(page, { auth: token }), "GET hosts")
if ((JSON.parse(pageBytes.toString()) as { api_response: { host_list: ReadonlyArray<unknown> } }).api_response.host_list.length !== 1_000) {
  throw new Error("Page 1 should hold 1,000 hosts.")
}
const bodyFile = join(directory, "page-1.json")
writeFileSync(bodyFile, pageBytes)
const bare = await startListening(BARE, [bodyFile])
const csmRates: Array<number> = []
const bareRates: Array<number> = []
for (let round = 0; round < ROUNDS; round++) {
  csmRates.push(await throughput(page, token, pageBytes.length))
  bareRates.push(await throughput(`${bare.base}/`, undefined, pageBytes.length))
}
await Promise.all([csm.stop(), bare.stop()])
setupAgent.destroy()

// --- Start-up on a busy server's log of 1,000,000 events.
/**
 * Starts the server once on an empty store, fills the store with the busy log, then starts it
 * STARTS times: the milliseconds of the empty start and the median, and the seconds of the write.
 */
const startUp = async (dataDir: string, env: Readonly<Record<string, string>>, store: Layer.Layer<EventStore, unknown>) => {
  mkdirSync(dataDir, { mode: 0o700 })
  const empty = await startCsm(dataDir, env)
  await empty.stop()
  const writeStart = performance.now()
  await Effect.runPromise(writeBusyLog(LOG_EVENTS).pipe(Effect.provide(store)))
  const writeSeconds = (performance.now() - writeStart) / 1000
  const startMs: Array<number> = []
  for (let run = 0; run < STARTS; run++) {
    const server = await startCsm(dataDir, env)
    startMs.push(server.ready)
    await server.stop()
  }
  return { emptyMs: empty.ready, writeSeconds, startMs: median(startMs) }
}

const busy = join(directory, "busy")
const sqlite = await startUp(busy, { CSM_STORE: "sqlite" }, SqliteEventStore.layer({ filename: join(busy, "csm.sqlite") }))

// The server always uses the schema "public": the PostgreSQL case gets a database of its own.
const postgresUrl = process.env["CSM_BENCH_POSTGRES"] ?? process.env["CSM_TEST_POSTGRES"]
let postgres: Awaited<ReturnType<typeof startUp>> | undefined
if (postgresUrl !== undefined) {
  const database = await scratchDatabase(postgresUrl, `csm_bench_start_${process.pid}`)
  try {
    const env = { CSM_STORE: database.url }
    postgres = await startUp(join(directory, "postgres"), env, PostgresEventStore.layer({ url: database.url }))
  } finally {
    await database.drop()
  }
}

const csmRate = median(csmRates)
const bareRate = median(bareRates)
console.log(
  `server: ${format(HOSTS)} hosts, GET page 1 (${format(pageBytes.length / 1024)} KiB) over ${CONNECTIONS} keep-alive connections, ` +
    `${ROUNDS} rounds of ${LOAD_SECONDS} s each; start-up on ${format(LOG_EVENTS)} events (written in ${format(sqlite.writeSeconds, 1)} s), ${STARTS} starts`
)
show("baseline: bare node:http, median", `${format(bareRate)} req/s`)
show("GET /api/v1/hosts?page=1, median", `${format(csmRate)} req/s`)
check("GET hosts / baseline", format(csmRate / bareRate, 2), csmRate / bareRate >= TARGETS.ratio, `≥ ${TARGETS.ratio}`)
check(`POST ${format(HOSTS)} hosts`, `${format(postHostsMs)} ms`, postHostsMs <= TARGETS.postHostsMs, `≤ ${TARGETS.postHostsMs} ms`)
check(`POST ${format(jobs.length)} install jobs`, `${format(postInstallMs)} ms`, postInstallMs <= TARGETS.postInstallMs, `≤ ${TARGETS.postInstallMs} ms`)
show("baseline: start, empty data dir", `${format(sqlite.emptyMs)} ms`)
check(`start on ${format(LOG_EVENTS)} events, median`, `${format(sqlite.startMs)} ms`, sqlite.startMs <= TARGETS.startMs, `≤ ${TARGETS.startMs} ms`)
if (postgres === undefined) {
  show("start on PostgreSQL", "skipped", "set CSM_BENCH_POSTGRES or CSM_TEST_POSTGRES to a server")
} else {
  show("baseline: start, empty PostgreSQL", `${format(postgres.emptyMs)} ms`)
  show(
    "start on PostgreSQL, median",
    `${format(postgres.startMs)} ms`,
    `${format(postgres.startMs / sqlite.startMs, 2)}× SQLite's; written in ${format(postgres.writeSeconds, 1)} s`
  )
}
finish()
