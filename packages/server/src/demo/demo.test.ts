import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { client, dig } from "../../../adapters-http/src/testing/client.ts"
import type { Credentials } from "../../../adapters-http/src/testing/client.ts"
import { readLabSoftware } from "../lab/lab-software.ts"
import type { Exit } from "../testing/server-process.ts"
import { temporaryDirectory } from "../testing/server-process.ts"

/** The built demo (`npm run build` first): the test runs what `npm run demo` runs. */
const MAIN = fileURLToPath(new URL("../../dist/demo/main.js", import.meta.url))

const spawnDemo = (env: Readonly<Record<string, string>>) => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} does not exist: run \`npm run build\` first.`)
  // Only what the test gives: no CSM_* variable of the developer's shell leaks in.
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env["PATH"] ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] })
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const waiting = new Set<() => void>()
  createInterface({ input: child.stdout }).on("line", (line) => {
    stdout.push(line)
    for (const wake of waiting) wake()
  })
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line))
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })))
  /** Resolves once a printed line matches; fails when the demo ends first. */
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.some((line) => pattern.test(line))) waiting.delete(check), resolve()
      }
      waiting.add(check)
      check()
      void exited.then((exit) => reject(new Error(`The demo exited (${exit.code ?? exit.signal}): ${stderr.join("\n")}`)))
    })
  /** The groups of the one printed line that matches. */
  const line = (pattern: RegExp): Array<string> => {
    const match = stdout.map((text) => pattern.exec(text)).find((found) => found !== null)
    if (match == null) throw new Error(`No printed line matches ${pattern}:\n${stdout.join("\n")}`)
    return match.slice(1)
  }
  const stop = () => (child.kill("SIGTERM"), exited)
  return { stdout, stderr, exited, printed, line, stop }
}

interface Job {
  readonly id: number
  readonly hostname: string
  readonly install_action: string
  readonly status: string
  readonly status_message: string
  readonly package_change_list: string
}

/** The curl options the demo prints: `-u 'user:password'`, `-d '<json>'`, and the URL last. */
const curlLine = /^\s+curl -u '([^':]+):([^']+)' -H 'Content-Type: application\/json' -d '([^']+)' (http:\/\/\S+\/api\/v1\/install)$/

const tmp = temporaryDirectory()
let demo: ReturnType<typeof spawnDemo>

beforeAll(async () => {
  demo = spawnDemo({ CSM_PORT: "0", CSM_DATA_DIR: join(tmp.path, "data") })
  await demo.printed(/\/api\/v1\/install\/logs\//)
})

afterAll(async () => {
  await demo.stop()
  tmp.remove()
})

describe("npm run demo", () => {
  let api: ReturnType<typeof client>
  let admin: Credentials

  it("prints where the server is and how to log in, and the printed login takes a token", async () => {
    const [base] = demo.line(/csm-server at (http:\/\/127\.0\.0\.1:\d+), with 5 simulated routers at time scale 0\.01\./)
    const [user, password] = demo.line(/Log in with HTTP Basic as (\S+), password (\S+);/)
    const [tokenUser, tokenPassword, tokenUrl] = demo.line(/^\s+curl -u '([^':]+):([^']+)' (http:\S+\/api\/v1\/token)$/)
    expect([tokenUser, tokenPassword, tokenUrl]).toEqual([user, password, `${base}/api/v1/token`])
    api = client(base!)
    admin = [user!, password!]
    const token = await api.get("/api/v1/token", admin)
    expect(token.status).toBe(200)
    admin = [String(dig(token.body, "token")), "unused"]
  })

  it("registers region Demo Lab, its repositories, the command profile, the jump host and 5 hosts of every kind", async () => {
    const printedHosts = demo.stdout.flatMap((line) => {
      const match = /^\s+(lab-\S+)\s+(classic XR|eXR) [\d.]+\s+(ssh|telnet)\s+127\.0\.0\.1:\d+( through the jump host (\S+))?/.exec(line)
      return match === null ? [] : [{ hostname: match[1], os: match[2], transport: match[3], jumpHost: match[5] ?? "" }]
    })
    expect(new Set(printedHosts.map(({ os, transport }) => `${os} ${transport}`))).toEqual(
      new Set(["classic XR ssh", "classic XR telnet", "eXR ssh", "eXR telnet"])
    )
    const hosts = dig((await api.get("/api/v1/hosts?region=Demo%20Lab", admin)).body, "api_response", "host_list") as ReadonlyArray<Record<string, string>>
    expect(hosts.map(({ hostname, connection_type, jump_host }) => ({ hostname, transport: connection_type, jumpHost: jump_host })))
      .toEqual(expect.arrayContaining(printedHosts.map(({ hostname, transport, jumpHost }) => ({ hostname, transport, jumpHost }))))
    expect(hosts).toHaveLength(5)
    expect(printedHosts.filter(({ jumpHost }) => jumpHost !== "")).toHaveLength(1)
    const jumpHosts = dig((await api.get("/api/v1/jump_hosts", admin)).body, "api_response", "jump_host_list")
    expect(jumpHosts).toEqual([expect.objectContaining({ hostname: printedHosts.find(({ jumpHost }) => jumpHost !== "")!.jumpHost, connection_type: "ssh" })])
    const profiles = dig((await api.get("/api/v1/custom_command_profiles", admin)).body, "api_response", "custom_command_profile_list")
    expect(profiles).toEqual([expect.objectContaining({ profile_name: "Demo checks" })])
  })

  it("prints a curl line whose request schedules a full chain that completes, and the jump-host host completes a Pre-Upgrade", async () => {
    const [user, password, body, url] = demo.line(curlLine)
    const rows = JSON.parse(body!) as ReadonlyArray<Record<string, unknown>>
    expect(rows.map((row) => row["install_action"])).toEqual(["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"])
    const hostname = String(rows[0]?.["hostname"])
    expect(rows.every((row) => row["hostname"] === hostname)).toBe(true)
    const classic = await Effect.runPromise(readLabSoftware("xr"))
    const packages = rows[1]?.["software_packages"] as ReadonlyArray<string>
    expect(packages.length).toBeGreaterThan(0)
    expect(classic.installable).toEqual(expect.arrayContaining([...packages]))
    const repository = dig((await api.get(`/api/v1/server_repositories?hostname=${rows[1]?.["server_repository"]}`, admin)).body, "api_response", "server_repository_list")
    expect(repository).toEqual([expect.objectContaining({ server_type: "TFTP" })])

    const chain = await client(url!.slice(0, -"/api/v1/install".length)).post("/api/v1/install", rows, [user!, password!])
    expect(chain.status).toBe(200)
    const [behindJumpHost] = demo.line(/^\s+(lab-\S+)\s.* through the jump host /)
    expect((await api.post("/api/v1/install", { hostname: behindJumpHost, install_action: "Pre-Upgrade", command_profile: "Demo checks" }, admin)).status).toBe(200)

    let jobs: ReadonlyArray<Job> = []
    // Each turn awaits the server's answer; the loop ends when every job is done, or one failed.
    while (jobs.length === 0 || !jobs.every(({ status }) => status === "completed") && !jobs.some(({ status }) => status === "failed")) {
      jobs = dig((await api.get("/api/v1/install", admin)).body, "api_response", "install_job_list") as ReadonlyArray<Job>
    }
    expect(jobs.map(({ hostname, install_action, status, status_message }) => ({ hostname, install_action, status, status_message }))).toEqual([
      ...rows.map((row) => ({ hostname, install_action: row["install_action"], status: "completed", status_message: "" })),
      { hostname: behindJumpHost, install_action: "Pre-Upgrade", status: "completed", status_message: "" }
    ])
    const activate = jobs.find(({ install_action }) => install_action === "Activate")!
    expect(activate.package_change_list.split(",")).toEqual(packages.map((file) => file.replace(/\.pie$/, "-1.0.0")))

    const zip = await api.get(`/api/v1/install/logs/${activate.id}`, admin)
    expect(zip.status).toBe(200)
    const files = Object.keys(unzipSync(zip.bytes)).map((path) => path.slice(path.lastIndexOf("/") + 1))
    expect(files).toEqual(expect.arrayContaining(["session.log", "steps.log"]))
  }, 60_000)

  it("stops everything and exits 0 on SIGTERM", async () => {
    expect(await demo.stop()).toEqual({ code: 0, signal: null })
    expect(demo.stderr).toEqual([])
  })
})
