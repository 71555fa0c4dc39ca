import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sshShell } from "../../../adapters-device/src/simulator/transport/testing/clients.ts"

/** The built `csm-lab` command: the test runs what users run (`npm run build` first). */
const MAIN = fileURLToPath(new URL("../../dist/lab/main.js", import.meta.url))

interface LabLine {
  readonly hostname: string
  readonly os: string
  readonly ssh_port: number
  readonly telnet_port: number
  readonly username: string
  readonly password: string
  readonly repository: Record<string, string>
  readonly packages: ReadonlyArray<string>
}

const spawnLab = (args: ReadonlyArray<string>) => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} does not exist: run \`npm run build\` first.`)
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ["ignore", "pipe", "pipe"] })
  const stderr: Array<string> = []
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal }))
  )
  /** The first `count` stdout lines; fails when the process ends first. */
  const lines = (count: number) =>
    new Promise<Array<string>>((resolve, reject) => {
      const seen: Array<string> = []
      createInterface({ input: child.stdout }).on("line", (line) => {
        seen.push(line)
        if (seen.length === count) resolve(seen)
      })
      void exited.then((exit) => reject(new Error(`csm-lab exited (${exit.code ?? exit.signal}): ${stderr.join("\n")}`)))
    })
  return { lines, exited, stderr, stop: () => (child.kill("SIGTERM"), exited) }
}

describe("csm-lab", () => {
  let lab: ReturnType<typeof spawnLab>
  let routers: Array<LabLine>
  beforeAll(async () => {
    lab = spawnLab(["--count", "2", "--os", "mixed", "--time-scale", "0.001"])
    routers = (await lab.lines(2)).map((line) => JSON.parse(line) as LabLine)
  })
  afterAll(async () => {
    await lab.stop()
  })

  it("prints one line per router: a classic and an eXR router, each with a repository and its packages", () => {
    expect(routers.map(({ hostname, os }) => ({ hostname, os }))).toEqual([
      { hostname: "lab-xr-01", os: "xr" },
      { hostname: "lab-exr-02", os: "exr" }
    ])
    for (const router of routers) {
      expect(router.ssh_port).toBeGreaterThan(0)
      expect(router.telnet_port).toBeGreaterThan(0)
      expect(router.repository).toMatchObject({ server_type: "TFTP", tftp_server_path: expect.stringMatching(/^10\.1\.1\.10\/images\//) })
      expect(router.packages.length).toBeGreaterThan(0)
    }
    expect(routers[0]?.packages).toContain("asr9k-px-5.3.3.CSCuz05961.pie")
    expect(routers[1]?.packages.every((file) => file.endsWith(".rpm"))).toBe(true)
  })

  it("lets the printed credentials log in over SSH, to the router's prompt", async () => {
    for (const [router, prompt] of [[routers[0]!, "RP/0/RSP0/CPU0:lab-xr-01#"], [routers[1]!, "RP/0/RSP0/CPU0:lab-exr-02#"]] as const) {
      const shell = await sshShell({ port: router.ssh_port, username: router.username, password: router.password })
      expect(await shell.transcript.next(prompt)).toContain(prompt)
      shell.close()
    }
  })

  it("stops every router and exits 0 on SIGTERM", async () => {
    expect(await lab.stop()).toEqual({ code: 0, signal: null })
    expect(lab.stderr).toEqual([])
  })
})
