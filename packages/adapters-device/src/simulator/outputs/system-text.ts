import type { SimChassis } from "../config.ts"
import type { SimFaults } from "../faults.ts"

/** The outputs of the check and discovery commands (DEVICE.md §9.2). */

export const classicVersion = (v: {
  readonly hostname: string
  readonly version: string
  readonly uptime: string
  readonly chassis: SimChassis
}): ReadonlyArray<string> => [
  `Cisco IOS XR Software, Version ${v.version}[Default]`,
  "Copyright (c) 2016 by Cisco Systems, Inc.",
  "",
  "ROM: System Bootstrap, Version 0.73(c) 1994-2012 by Cisco Systems,  Inc.",
  "",
  `${v.hostname} uptime is ${v.uptime}`,
  `System image file is "disk0:asr9k-os-mbi-${v.version}/0x100305/mbiasr9k-rsp3.vm"`,
  "",
  "cisco ASR9K Series (Intel 686 F6M14S4) processor with 33554432K bytes of memory.",
  "Intel 686 F6M14S4 processor at 2134MHz, Revision 2.174",
  v.chassis.descr
]

/** What an eXR router says it is, by chassis PID: its `cisco … () processor` model and build workspace. */
const exrModels: ReadonlyArray<readonly [pidPrefix: string, model: string, workspace: string]> = [
  ["NCS-55", "NCS-5500", "ncs5500"],
  ["ASR-9", "ASR9K", "asr9k-x64"]
]

const exrModelOf = (chassis: SimChassis) =>
  exrModels.find(([prefix]) => chassis.pid.startsWith(prefix)) ?? exrModels[exrModels.length - 1]!

export const exrVersion = (v: { readonly version: string; readonly uptime: string; readonly chassis: SimChassis }): ReadonlyArray<string> => [
  `Cisco IOS XR Software, Version ${v.version}`,
  "Copyright (c) 2013-2016 by Cisco Systems, Inc.",
  "",
  "Build Information:",
  " Built By     : ahoang",
  " Built On     : Sat Nov  5 17:24:20 PDT 2016",
  " Build Host   : iox-ucs-019",
  ` Workspace    : /auto/srcarchive14/production/${v.version}/${exrModelOf(v.chassis)[2]}/workspace`,
  ` Version      : ${v.version}`,
  " Location     : /opt/cisco/XR/packages/",
  "",
  `cisco ${exrModelOf(v.chassis)[1]} () processor`,
  `System uptime is ${v.uptime}`
]

export const runningConfig = (hostname: string, version: string, activeRsp: 0 | 1): ReadonlyArray<string> => [
  "Building configuration...",
  `!! IOS XR Configuration ${version}`,
  "!",
  `hostname ${hostname}`,
  "clock timezone UTC 0",
  "logging console informational",
  "!",
  "interface Loopback0",
  " ipv4 address 10.0.0.1 255.255.255.255",
  "!",
  `interface MgmtEth0/RSP${activeRsp}/CPU0/0`,
  " ipv4 address 10.1.1.5 255.255.255.0",
  "!",
  "interface TenGigE0/0/0/0",
  " description to-P1",
  " ipv4 address 192.168.1.1 255.255.255.252",
  "!",
  "router isis CORE",
  " net 49.0001.0000.0000.0001.00",
  " interface TenGigE0/0/0/0",
  "  address-family ipv4 unicast",
  "  !",
  " !",
  "!",
  "end"
]

export const cfsCheck = (faults: SimFaults): ReadonlyArray<string> => [
  "Creating any missing directories in Configuration File system...OK",
  "Initializing Configuration Version Manager...OK",
  faults.cfsInconsistent === true
    ? "Syncing commit database with running configuration...FAILED"
    : "Syncing commit database with running configuration...OK",
  ...(faults.cfsInconsistent === true ? ["Configuration inconsistencies found: 2 (run 'cfs check' again after fixing them)"] : [])
]

export const redundancy = (activeRsp: 0 | 1, faults: SimFaults): ReadonlyArray<string> => {
  const active = `0/RSP${activeRsp}/CPU0`
  const standby = `0/RSP${activeRsp === 0 ? 1 : 0}/CPU0`
  const ready = faults.standbyNotReady === true ? "is not ready" : "is ready"
  const nsr = faults.standbyNotReady === true ? "is not NSR-ready" : "is NSR-ready"
  return [
    `Redundancy information for node ${active}:`,
    "==========================================",
    `Node ${active} is in ACTIVE role`,
    `Partner node (${standby}) is in STANDBY role`,
    `Standby node in ${standby} ${ready}`,
    `Standby node in ${standby} ${nsr}`
  ]
}

const isisRow = (label: string, counts: readonly [number, number, number]): string =>
  `${label.padEnd(14)}${String(counts[0]).padStart(2)}${String(counts[1]).padStart(9)}${String(counts[2]).padStart(9)}`

/** undefined: no IS-IS instance (the command is unknown). */
export const isisSummary = (faults: SimFaults): ReadonlyArray<string> | undefined => {
  const counts = faults.isisCounts
  if (counts?.instance === null) return undefined
  return [
    `IS-IS ${counts?.instance ?? "CORE"} neighbor summary:`,
    "State         L1       L2     L1L2",
    isisRow("Up", counts?.up ?? [0, 4, 0]),
    isisRow("Init", counts?.init ?? [0, 0, 0]),
    isisRow("Failed", counts?.failed ?? [0, 0, 0])
  ]
}

export const failedStartupConfig = (faults: SimFaults): ReadonlyArray<string> => {
  const injected = faults.failedStartupConfig
  if (injected === undefined || injected === false) return []
  if (injected !== true) return injected
  return [
    "!! SYNTAX/AUTHORIZATION ERRORS: This configuration failed due to",
    "!! one or more of the following reasons:",
    "!!  - the entered commands do not exist,",
    "!!  - the entered commands have errors in their syntax,",
    "!!  - the software packages containing the commands are not active,",
    "!!  - the current user is not part of a group that is authorized to run the commands.",
    "router ospf 100",
    " area 0",
    "  interface GigabitEthernet0/0/0/5"
  ]
}

export const filesystem = (size: number, free: number): ReadonlyArray<string> => [
  "File Systems:",
  "",
  "     Size(b)     Free(b)        Type  Flags  Prefixes",
  `${String(size).padStart(13)}${String(free).padStart(12)}  flash-disk     rw  disk0:`,
  `${"1048576".padStart(13)}${"1015808".padStart(12)}       nvram     rw  nvram:`
]
