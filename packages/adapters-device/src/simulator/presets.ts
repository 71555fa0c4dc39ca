import type {
  Flavour,
  ResolvedRouterConfig,
  SimChassis,
  SimNode,
  SimPackages,
  SimRepository,
  SimRepositoryFile,
  SimulatedRouterConfig
} from "./config.ts"
import { defaultDurations } from "./config.ts"

/** What differs between the two personalities (DEVICE.md §9.1, §9.4). */
export interface FlavourPreset {
  readonly hostname: string
  readonly chassis: SimChassis
  readonly nodes: ReadonlyArray<SimNode>
  readonly packages: Required<SimPackages>
  readonly softwareVersion: string
  readonly repositories: Readonly<Record<string, SimRepository>>
}

const rsp = (slot: 0 | 1, pid: string, descr: string, sn: string): SimNode => ({
  name: `0/RSP${slot}/CPU0`,
  kind: "RP",
  pid,
  descr,
  vid: "V05",
  sn
})

const classicFiles: Readonly<Record<string, SimRepositoryFile>> = {
  "asr9k-px-5.3.3.CSCuz05961.pie": {
    internalNames: ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"],
    size: 2_457_600,
    method: "restart"
  },
  "asr9k-px-5.3.3.CSCuy20115.pie": {
    internalNames: ["disk0:asr9k-px-5.3.3.CSCuy20115-1.0.0"],
    size: 1_228_800,
    method: "reload"
  }
}

const exrFiles: Readonly<Record<string, SimRepositoryFile>> = {
  "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm": {
    internalNames: ["asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345"],
    size: 3_145_728,
    method: "restart"
  },
  "asr9k-mini-x64-6.2.1.iso": {
    internalNames: ["asr9k-mini-x64-6.2.1"],
    size: 1_073_741_824,
    method: "reload",
    activates: ["asr9k-xr-6.2.1", "asr9k-sysadmin-6.2.1"],
    version: "6.2.1"
  }
}

/** The credentials of the default FTP/SFTP repositories. */
/**
 * 100× faster than a real router (DEVICE.md §9.5 gives real durations at 1): a full
 * Pre-Upgrade→Commit chain takes a few seconds. The driver must run at the same scale.
 */
export const DEFAULT_TIME_SCALE = 0.01

export const defaultRepositoryCredentials = { username: "csm", password: "csm-secret" } as const

export const xrPreset: FlavourPreset = {
  hostname: "PE1",
  chassis: {
    pid: "ASR-9006-AC-V2",
    vid: "V02",
    sn: "FOX1612ABCD",
    descr: "ASR 9006 4 Line Card Slot Chassis with V2 AC PEM"
  },
  nodes: [
    rsp(0, "A9K-RSP440-SE", "ASR9K Route Switch Processor with 440G/slot Fabric and 12GB", "FOC1710N1AB"),
    rsp(1, "A9K-RSP440-SE", "ASR9K Route Switch Processor with 440G/slot Fabric and 12GB", "FOC1710N1AC"),
    { name: "0/0/CPU0", kind: "LC", pid: "A9K-MOD80-SE", descr: "80G Modular Linecard, Service Edge Optimized", vid: "V03", sn: "FOC1709N2AD" },
    { name: "0/1/CPU0", kind: "LC", pid: "A9K-24X10GE-SE", descr: "24-Port 10GE DX Linecard, Service Edge Optimized", vid: "V02", sn: "FOC1709N2AE" }
  ],
  packages: {
    xr: {
      active: ["disk0:asr9k-mini-px-5.3.3", "disk0:asr9k-mpls-px-5.3.3", "disk0:asr9k-mgbl-px-5.3.3"],
      inactive: [],
      committed: ["disk0:asr9k-mini-px-5.3.3", "disk0:asr9k-mpls-px-5.3.3", "disk0:asr9k-mgbl-px-5.3.3"]
    },
    admin: { active: [], inactive: [], committed: [] }
  },
  softwareVersion: "5.3.3",
  repositories: {
    "tftp://10.1.1.10/images/533": { files: classicFiles },
    "ftp://10.1.1.30/images/533": { ...defaultRepositoryCredentials, files: classicFiles }
  }
}

export const exrPreset: FlavourPreset = {
  hostname: "ios",
  chassis: { pid: "ASR-9904-AC", vid: "V01", sn: "FOX1739G95R", descr: "ASR-9904 AC Chassis" },
  nodes: [
    rsp(0, "A9K-RSP880-SE", "ASR9K Route Switch Processor with 880G/slot Fabric and 16GB", "FOC2011N3AB"),
    rsp(1, "A9K-RSP880-SE", "ASR9K Route Switch Processor with 880G/slot Fabric and 16GB", "FOC2011N3AC"),
    { name: "0/0/CPU0", kind: "LC", pid: "A9K-8X100GE-SE", descr: "8-Port 100GE Linecard, Service Edge Optimized", vid: "V02", sn: "FOC2011N4AD" },
    { name: "0/FT0", kind: "FAN", pid: "ASR-9904-FAN", descr: "ASR-9904 Fan Tray", vid: "V01", sn: "FOX1739G9AA" },
    { name: "0/PM0", kind: "PEM", pid: "PWR-3KW-AC-V2", descr: "3kW AC Power Module Version 2", vid: "V02", sn: "POG1739G9AB" }
  ],
  packages: {
    xr: {
      active: ["asr9k-xr-6.1.2", "asr9k-mgbl-x64-2.0.0.0-r612"],
      inactive: [],
      committed: ["asr9k-xr-6.1.2", "asr9k-mgbl-x64-2.0.0.0-r612"]
    },
    admin: { active: ["asr9k-sysadmin-6.1.2"], inactive: [], committed: ["asr9k-sysadmin-6.1.2"] }
  },
  softwareVersion: "6.1.2",
  repositories: {
    "tftp://10.1.1.10/images/612": { files: exrFiles },
    "sftp://10.1.1.20/images/612": { ...defaultRepositoryCredentials, files: exrFiles }
  }
}

export const presetOf = (flavour: Flavour): FlavourPreset => (flavour === "xr" ? xrPreset : exrPreset)

/** The configuration with every default filled in. */
export const resolveRouterConfig = (config: SimulatedRouterConfig): ResolvedRouterConfig => {
  const preset = presetOf(config.flavour)
  return {
    flavour: config.flavour,
    hostname: config.hostname ?? preset.hostname,
    users: config.users ?? [{ username: "cisco", password: "cisco" }],
    chassis: config.chassis ?? preset.chassis,
    nodes: config.nodes ?? preset.nodes,
    packages: {
      xr: config.packages?.xr ?? preset.packages.xr,
      admin: config.packages?.admin ?? preset.packages.admin
    },
    softwareVersion: config.softwareVersion ?? preset.softwareVersion,
    repositories: config.repositories ?? preset.repositories,
    timeScale: config.timeScale ?? DEFAULT_TIME_SCALE,
    clockStart: config.clockStart ?? new Date("2017-03-07T10:15:00Z"),
    firstOperationId: config.firstOperationId ?? 1,
    progressMode: config.progressMode ?? "time",
    pollsToFinish: config.pollsToFinish ?? 3,
    durations: { ...defaultDurations, ...config.durations },
    bootRefuseMode: config.bootRefuseMode ?? "refuse",
    swapRspOnReload: config.swapRspOnReload ?? false,
    diskSize: config.diskSize ?? 12_101_599_232,
    diskFree: config.diskFree ?? 7_567_057_920,
    consoleLoggedIn: config.consoleLoggedIn ?? false,
    clientAddress: config.clientAddress ?? "10.1.1.5",
    faults: config.faults ?? {}
  }
}
