import type { SimulatedRouterConfig } from "@csm/adapters-device"
import type { LabOptions } from "./lab-options.ts"
import type { LabOsKind, LabSoftware } from "./lab-software.ts"

/**
 * The routers of one lab: router i (from 0) is classic XR or eXR as `--os` says (mixed alternates,
 * classic first), is called `lab-<os>-<i+1>`, and on `--base-port P` takes SSH port P+2i and telnet port
 * P+2i+1. Routers of one personality share one TFTP repository.
 */

export interface LabRouterPlan {
  readonly hostname: string
  readonly os: LabOsKind
  readonly sshPort: number | undefined
  readonly telnetPort: number | undefined
  readonly username: string
  readonly password: string
  readonly config: SimulatedRouterConfig
  /** The repository as `POST /api/v1/server_repositories` takes it. */
  readonly repository: LabRepository
  readonly packages: ReadonlyArray<string>
}

export interface LabRepository {
  readonly hostname: string
  readonly server_type: "TFTP"
  readonly tftp_server_path: string
}

const login = { username: "cisco", password: "cisco" } as const

const tftpServer = "10.1.1.10"

export const osOfRouter = (os: LabOptions["os"], index: number): LabOsKind =>
  os === "mixed" ? (index % 2 === 0 ? "xr" : "exr") : os

const repositoryOf = (os: LabOsKind, software: LabSoftware): LabRepository => {
  const directory = `images/${software.release.replaceAll(".", "")}`
  return { hostname: `lab-tftp-${os}-${software.release}`, server_type: "TFTP", tftp_server_path: `${tftpServer}/${directory}` }
}

export const planLabRouters = (
  options: LabOptions,
  softwareOf: (os: LabOsKind) => LabSoftware
): ReadonlyArray<LabRouterPlan> => {
  const digits = Math.max(2, String(options.count).length)
  return Array.from({ length: options.count }, (_, index) => {
    const os = osOfRouter(options.os, index)
    const software = softwareOf(os)
    const repository = repositoryOf(os, software)
    const hostname = `lab-${os}-${String(index + 1).padStart(digits, "0")}`
    return {
      hostname,
      os,
      sshPort: options.basePort === undefined ? undefined : options.basePort + 2 * index,
      telnetPort: options.basePort === undefined ? undefined : options.basePort + 2 * index + 1,
      ...login,
      config: {
        flavour: os,
        hostname,
        users: [login],
        packages: software.packages,
        softwareVersion: software.release,
        repositories: { [`tftp://${repository.tftp_server_path}`]: { files: software.files } },
        ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale })
      },
      repository,
      packages: software.installable
    }
  })
}

/** The line csm-lab prints for a started router. */
export const labRouterLine = (plan: LabRouterPlan, ports: { readonly sshPort: number; readonly telnetPort: number }): string =>
  JSON.stringify({
    hostname: plan.hostname,
    os: plan.os,
    ssh_port: ports.sshPort,
    telnet_port: ports.telnetPort,
    username: plan.username,
    password: plan.password,
    repository: plan.repository,
    packages: plan.packages
  })
