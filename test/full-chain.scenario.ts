import type { ServerProcess } from "../packages/server/src/testing/server-process.ts"
import { temporaryDirectory } from "../packages/server/src/testing/server-process.ts"
import { startCsm } from "./harness/csm.ts"
import type { JobRow } from "./harness/jobs.ts"
import { idOf, isFinished, listJobs, schedule, waitForJobs } from "./harness/jobs.ts"
import type { Lab, Router } from "./harness/lab.ts"
import { addHosts, addRegion, addSshJumpHost, addTftpRepository, makeLab } from "./harness/lab.ts"
import type { LaterMinute } from "./harness/scheduled-time.ts"
import { nextMinuteAtLeast } from "./harness/scheduled-time.ts"

/**
 * Issue 6 item 6: full chains on three simulated routers through one csm-server — classic XR over
 * SSH, classic XR over telnet behind an SSH jump host (scheduled for the next whole minute), and eXR
 * reloading into an ISO, its chain split over three requests to use explicit dependencies.
 */

export const TIME_SCALE = 0.001
export const SMU = "asr9k-px-5.3.3.CSCuz05961.pie"
export const ISO = "asr9k-mini-x64-6.2.1.iso"
export const HOSTS = { ssh: "classic-ssh", jump: "classic-jump", exr: "exr-reload" } as const
export const CHAIN = ["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"] as const

export interface FullChainRun {
  readonly server: ServerProcess
  readonly routers: Readonly<Record<keyof typeof HOSTS, Router>>
  readonly later: LaterMinute
  /** The scheduled-for-later jobs as read right after scheduling them. */
  readonly laterJobsAtFirst: ReadonlyArray<JobRow>
  readonly laterReadAt: number
  /** Ids of the eXR requests: the Add its Activate names, the Post-Upgrade its Commit names by action. */
  readonly exrAddId: number
  readonly exrPostUpgradeId: number
  readonly jobs: ReadonlyArray<JobRow>
  readonly stop: () => Promise<void>
}

const classicChain = (hostname: string) =>
  CHAIN.map((install_action) => ({
    hostname,
    install_action,
    ...(install_action === "Add" ? { server_repository: "repo-533", software_packages: SMU } : {}),
    ...(install_action === "Activate" ? { software_packages: SMU } : {})
  }))

const startRouters = async (lab: Lab) => ({
  ssh: await lab.router({ flavour: "xr", hostname: "PE1", timeScale: TIME_SCALE }),
  jump: await lab.router({ flavour: "xr", hostname: "PE2", timeScale: TIME_SCALE }),
  exr: await lab.router({ flavour: "exr", hostname: "EXR1", timeScale: TIME_SCALE })
})

export const runFullChains = async (): Promise<FullChainRun> => {
  const tmp = temporaryDirectory()
  const lab = makeLab()
  const server = await startCsm({ timeScale: TIME_SCALE, dataDir: tmp.path })
  const stop = async () => {
    await server.stop()
    await lab.stop()
    tmp.remove()
  }
  try {
    const routers = await startRouters(lab)
    const bastion = await lab.bastion()
    await addRegion(server)
    await addTftpRepository(server, "repo-533", "10.1.1.10/images/533")
    await addTftpRepository(server, "repo-612", "10.1.1.10/images/612")
    await addSshJumpHost(server, "bastion", bastion)
    await addHosts(server, [
      { hostname: HOSTS.ssh, router: routers.ssh, transport: "ssh" },
      { hostname: HOSTS.jump, router: routers.jump, transport: "telnet", jumpHost: "bastion" },
      { hostname: HOSTS.exr, router: routers.exr, transport: "ssh" }
    ])

    const later = nextMinuteAtLeast(3_000)
    await schedule(server, classicChain(HOSTS.jump).map((row) => ({ ...row, ...later.row })))
    const laterJobsAtFirst = await listJobs(server, `hostname=${HOSTS.jump}`)
    const laterReadAt = Date.now()
    await schedule(server, classicChain(HOSTS.ssh))

    const [, exrAddId] = await schedule(server, [
      { hostname: HOSTS.exr, install_action: "Pre-Upgrade" },
      { hostname: HOSTS.exr, install_action: "Add", server_repository: "repo-612", software_packages: ISO }
    ])
    const [, exrPostUpgradeId] = await schedule(server, [
      { hostname: HOSTS.exr, install_action: "Activate", software_packages: ISO, dependency: exrAddId },
      { hostname: HOSTS.exr, install_action: "Post-Upgrade" }
    ])
    await schedule(server, [{ hostname: HOSTS.exr, install_action: "Commit", dependency: "Post-Upgrade" }])

    const bound = later.at.getTime() - Date.now() + 60_000
    const jobs = await waitForJobs(server, (rows) => rows.length === 15 && rows.every(isFinished), bound)
    return { server, routers, later, laterJobsAtFirst, laterReadAt, exrAddId: exrAddId!, exrPostUpgradeId: exrPostUpgradeId!, jobs, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

export const jobOf = (run: FullChainRun, host: keyof typeof HOSTS, action: string): JobRow => {
  const id = idOf(run.jobs, HOSTS[host], action)
  return run.jobs.find((row) => row.id === id)!
}
