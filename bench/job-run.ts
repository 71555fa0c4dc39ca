import { mkdtempSync, rmSync } from "node:fs"
import { Agent } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { IMPLICIT_CHAIN } from "@csm/core"
import { expectOk, send } from "./http-client.ts"
import { spawnNode, startListening } from "./processes.ts"

/**
 * One run of install jobs end to end, shared by the job benchmarks: `csm-lab` runs the simulated
 * routers (half classic XR, reached over telnet, half eXR, over SSH) in a child process; one or
 * more built `csm-server`s, children too, share the store their settings name. The first gets the
 * region, repositories and hosts through the API, then one request of a full Pre-Upgrade→Commit
 * chain for every host, due now; the run polls `GET /api/v1/install` on it until every job has
 * ended, sampling the servers' RSS.
 */

export interface JobRunOptions {
  readonly hosts: number
  readonly timeScale: number
  /** The settings of each server, beyond the run's own (data directory, admin password, time scale). */
  readonly servers: ReadonlyArray<Readonly<Record<string, string>>>
}

export interface JobRow {
  readonly id: number
  readonly hostname: string
  readonly install_action: string
  readonly dependency: number | ""
  readonly status: string
  readonly status_message: string
  readonly scheduled_time: string
  readonly start_time: string
  readonly status_time: string
}

export interface JobRun {
  readonly labSeconds: number
  /** How many jobs the request scheduled. */
  readonly scheduled: number
  readonly postMs: number
  /** From the POST until every job had ended. */
  readonly wallMs: number
  readonly jobs: ReadonlyArray<JobRow>
  readonly peakPolled: number
  /** The largest RSS of any one server. */
  readonly peakServerRss: number
  readonly peakLabRss: number
  readonly benchCpuMs: number
}

export const POLL_MS = 1_000
export const RSS_SAMPLE_MS = 250
/** A run gives up when the jobs have not all ended by then. */
const DEADLINE_MS = 15 * 60_000

const MAIN = fileURLToPath(new URL("../../packages/server/dist/main.js", import.meta.url))
const LAB = fileURLToPath(new URL("../../packages/server/dist/lab/main.js", import.meta.url))
const ADMIN = "admin:bench-admin-password"

/** A Hitless SMU of each personality's release in the bundled catalog: no reload in the chain. */
const PACKAGE = {
  xr: "asr9k-px-5.3.3.CSCux89921.pie",
  exr: "asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904.x86_64.rpm"
} as const
const PROFILE = "bench-profile"

interface LabRouter {
  readonly hostname: string
  readonly os: keyof typeof PACKAGE
  readonly ssh_port: number
  readonly telnet_port: number
  readonly username: string
  readonly password: string
  readonly repository: { readonly hostname: string } & Record<string, string>
  readonly packages: ReadonlyArray<string>
}

/** A scheduled job that can never run: behind a failed job, directly or through other scheduled ones. */
const stuck = (job: JobRow, byId: ReadonlyMap<number, JobRow>): boolean => {
  const dependency = job.dependency === "" ? undefined : byId.get(job.dependency)
  return dependency !== undefined && (dependency.status === "failed" || (dependency.status === "scheduled" && stuck(dependency, byId)))
}

export const runJobChains = async ({ hosts, servers: settings, timeScale }: JobRunOptions): Promise<JobRun> => {
  const directory = mkdtempSync(join(tmpdir(), "csm-jobs-bench-"))
  try {
    // --- The routers, then the servers.
    const labStarted = performance.now()
    const lab = spawnNode(LAB, ["--count", String(hosts), "--os", "mixed", "--time-scale", String(timeScale)])
    const routers = await lab.until(
      (lines) => lines.length >= hosts ? lines.slice(0, hosts).map((line) => JSON.parse(line) as LabRouter) : undefined,
      `${hosts} routers`
    )
    const labSeconds = (performance.now() - labStarted) / 1000
    for (const router of routers) {
      if (!router.packages.includes(PACKAGE[router.os])) throw new Error(`${router.hostname} does not offer ${PACKAGE[router.os]}.`)
    }

    const servers = await Promise.all(settings.map((env, index) =>
      startListening(MAIN, [], {
        CSM_DATA_DIR: join(directory, `data-${index}`),
        CSM_ADMIN_PASSWORD: ADMIN.slice(ADMIN.indexOf(":") + 1),
        CSM_DEVICE_TIME_SCALE: String(timeScale),
        CSM_CCO_REFRESH_SECONDS: "0",
        ...env
      })
    ))
    const server = servers[0]!
    let peakServerRss = 0
    let peakLabRss = 0
    const sample = () => {
      peakServerRss = Math.max(peakServerRss, ...servers.map((each) => each.rss()))
      peakLabRss = Math.max(peakLabRss, lab.rss())
    }
    const sampler = setInterval(sample, RSS_SAMPLE_MS)

    const agent = new Agent({ keepAlive: true, maxSockets: 4 })
    const api = (path: string) => `${server.base}/api/v1/${path}`
    const post = (path: string, rows: unknown, auth: string) =>
      expectOk(send(api(path), { agent, method: "POST", auth, body: JSON.stringify(rows) }), `POST ${path}`)
    const token = `${(JSON.parse((await expectOk(send(api("token"), { agent, auth: ADMIN }), "GET token")).toString()) as { token: string }).token}:unused`
    const get = async <A>(path: string, key: string): Promise<ReadonlyArray<A>> =>
      (JSON.parse((await expectOk(send(api(path), { agent, auth: token }), `GET ${path}`)).toString()) as {
        api_response: Record<string, ReadonlyArray<A>>
      }).api_response[key]!

    // --- The directory and the hosts through the API.
    const repositories = [...new Map(routers.map(({ repository }) => [repository.hostname, repository])).values()]
    await post("server_repositories", repositories, token)
    await post("regions", { region_name: "lab", server_repositories: repositories.map(({ hostname }) => hostname) }, token)
    await post("custom_command_profiles", { profile_name: PROFILE, command_list: ["show version", "show install active summary"] }, token)
    await post("hosts", routers.map((router) => ({
      hostname: router.hostname,
      region: "lab",
      connection_type: router.os === "exr" ? "ssh" : "telnet",
      ts_or_ip: "127.0.0.1",
      port_number: String(router.os === "exr" ? router.ssh_port : router.telnet_port),
      username: router.username,
      password: router.password
    })), token)

    // --- Every host's full chain in one request, due now; then poll until every job has ended.
    const fieldsOf = (router: LabRouter) => ({
      "Pre-Upgrade": { command_profile: PROFILE },
      Add: { server_repository: router.repository.hostname, software_packages: PACKAGE[router.os] },
      Activate: { software_packages: PACKAGE[router.os] },
      "Post-Upgrade": { command_profile: PROFILE },
      Commit: {}
    })
    const rows = routers.flatMap((router) =>
      IMPLICIT_CHAIN.map((install_action) => ({ hostname: router.hostname, install_action, ...fieldsOf(router)[install_action] }))
    )
    const cpuBefore = process.cpuUsage()
    const posted = performance.now()
    await post("install", rows, token)
    const postMs = performance.now() - posted

    let peakPolled = 0
    const allEnded = async () => {
      const running = await get<JobRow>("install?status=in-progress", "install_job_list")
      peakPolled = Math.max(peakPolled, running.length)
      if (running.length > 0) return false
      // Only when nothing runs (rarely): is every job still scheduled stuck behind a failed one?
      const all = await get<JobRow>("install", "install_job_list")
      const byId = new Map(all.map((job) => [job.id, job]))
      return all.every((job) => job.status !== "scheduled" || stuck(job, byId))
    }
    while (!(await allEnded())) {
      if (performance.now() - posted > DEADLINE_MS) throw new Error(`The jobs had not all ended after ${DEADLINE_MS / 60_000} minutes.`)
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    const wallMs = performance.now() - posted
    const benchCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore))
    clearInterval(sampler)
    const jobs = await get<JobRow>("install", "install_job_list")
    await Promise.all([...servers.map((each) => each.stop()), lab.stop()])
    agent.destroy()
    return { labSeconds, scheduled: rows.length, postMs, wallMs, jobs, peakPolled, peakServerRss, peakLabRss, benchCpuMs }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
