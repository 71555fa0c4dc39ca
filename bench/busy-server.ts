import { randomUUID } from "node:crypto"
import type { DomainEvent, InstallAction, RecordedEvent } from "@csm/core"
import {
  CommandProfiles,
  domainCodec,
  hostStream,
  IMPLICIT_CHAIN,
  INSTALL_JOB_IDS_STREAM,
  installJobStream,
  JumpHosts,
  Regions,
  sequenceCheckpoint,
  ServerRepositories,
  toIsoTime
} from "@csm/core"

/**
 * A synthetic log of a busy server: a few directory entries, a fleet of registered hosts, then
 * install requests, each a full Pre-Upgrade→Commit chain for one host. Four requests in five run
 * (started, two progress messages, completed); the fifth waits for its future time. Every other
 * request, an operator edits a host.
 */

export const hostName = (index: number): string => `router-${String(index).padStart(6, "0")}`
export const REPOSITORY = "repository-1"
export const PROFILE = "profile-1"
export const DIRECTORY = "smus/6.1.3"
export const PACKAGES = ["asr9k-px-6.1.3.CSCvd48145.pie", "asr9k-px-6.1.3.CSCvc85745.pie"]

const START = Date.UTC(2024, 0, 1)
/** The instant `minutes` after the log starts; request `r` is made at minute `r`. */
export const minutesIn = (minutes: number): number => START + minutes * 60_000
const at = (minutes: number): string => toIsoTime(minutesIn(minutes))
/** Waiting jobs are scheduled a year after the log starts, later than any request of a benchmark. */
const WAITING_AT = 365 * 24 * 60

/** Who writes the directory entries and hosts, and when the directories are defined. */
const by = "admin"
const time = at(0)

type Entry = readonly [stream: string, event: DomainEvent]

export interface Fleet {
  readonly hosts: number
  /** How many requests, each of `IMPLICIT_CHAIN.length` jobs; `Infinity` for as many as the caller takes. */
  readonly requests: number
}

export function* busyServer({ hosts, requests }: Fleet): Generator<Entry> {
  yield* directories()
  for (let index = 0; index < hosts; index++) yield hostSaved("HostRegistered", index, 0)
  for (let request = 0; request < requests; request++) {
    const first = 1 + request * IMPLICIT_CHAIN.length
    const waiting = request % 5 === 4
    yield [INSTALL_JOB_IDS_STREAM, { _tag: "InstallJobIdsReserved", first, count: IMPLICIT_CHAIN.length }]
    for (const [offset, action] of IMPLICIT_CHAIN.entries()) {
      yield scheduled(first + offset, hostName(request % hosts), action, request, waiting ? WAITING_AT : request)
    }
    if (!waiting) for (let id = first; id < first + IMPLICIT_CHAIN.length; id++) yield* run(id, request)
    if (request % 2 === 0) yield hostSaved("HostUpdated", (request * 7) % hosts, request)
  }
}

function* directories(): Generator<Entry> {
  for (let i = 1; i <= 10; i++) {
    const name = `repository-${i}`
    yield [ServerRepositories.stream(name), {
      _tag: "ServerRepositoryDefined",
      name,
      entry: { server_type: "SFTP", server_address: `10.1.0.${i}`, home_directory: "/srv/smus", username: "csm" },
      secrets: { password: sealed(i) },
      time,
      by
    }]
    yield [CommandProfiles.stream(`profile-${i}`), {
      _tag: "CommandProfileDefined",
      name: `profile-${i}`,
      entry: { command_list: ["show version", "show install active summary", "show platform"] },
      secrets: {},
      time,
      by
    }]
    yield [JumpHosts.stream(`jump-${i}`), {
      _tag: "JumpHostDefined",
      name: `jump-${i}`,
      entry: { connection_type: "ssh", host_or_ip: `10.2.0.${i}`, port_number: 22, username: "csm" },
      secrets: { password: sealed(i) },
      time,
      by
    }]
    yield [Regions.stream(`region-${i}`), {
      _tag: "RegionDefined",
      name: `region-${i}`,
      entry: { server_repositories: [name] },
      secrets: {},
      time,
      by
    }]
  }
}

/** What the adapter stores for a password: encrypted, base64. */
const sealed = (seed: number): string => `v1:${Buffer.from(`sealed password ${seed}`.padEnd(32, "#")).toString("base64")}`

const hostSaved = (tag: "HostRegistered" | "HostUpdated", index: number, minutes: number): Entry => {
  const name = hostName(index)
  return [hostStream(name), {
    _tag: tag,
    name,
    entry: {
      region: `region-${1 + (index % 10)}`,
      connection_type: "ssh",
      ts_or_ip: [`10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`],
      roles: ["PE"],
      username: "cisco",
      port_number: [22],
      ...(index % 4 === 0 ? { jump_host: `jump-${1 + (index % 10)}` } : {}),
      location: `Building ${index % 50}, rack ${index % 40}`
    },
    secrets: { password: sealed(index) },
    time: at(minutes),
    by
  }]
}

const scheduled = (id: number, hostname: string, action: InstallAction, created: number, start: number): Entry =>
  [installJobStream(id), {
    _tag: "InstallJobScheduled",
    id,
    hostname,
    install_action: action,
    scheduled_time: at(start),
    ...(action === "Pre-Upgrade" ? {} : { dependency: id - 1 }),
    ...(action === "Add" ? { server_repository: REPOSITORY, server_directory: DIRECTORY } : {}),
    software_packages: action === "Add" || action === "Activate" ? PACKAGES : [],
    command_profiles: action.endsWith("Upgrade") ? [PROFILE] : [],
    created_by: "operator",
    time: at(created)
  }]

function* run(id: number, minutes: number): Generator<Entry> {
  const stream = installJobStream(id)
  yield [stream, { _tag: "InstallJobStarted", id, time: at(minutes) }]
  yield [stream, { _tag: "InstallJobProgressed", id, status_message: "Copying packages to the device.", time: at(minutes) }]
  yield [stream, { _tag: "InstallJobProgressed", id, status_message: "Waiting for the device to reload.", time: at(minutes) }]
  yield [stream, { _tag: "InstallJobCompleted", id, package_change_list: PACKAGES, warnings: [], time: at(minutes + 1) }]
}

/** Records entries as a store would: per-stream versions, a checkpoint in the global log, the stored form. */
export const recorder = () => {
  const versions = new Map<string, number>()
  let position = 0
  return ([stream, event]: Entry): RecordedEvent => {
    const version = (versions.get(stream) ?? 0) + 1
    versions.set(stream, version)
    position++
    return {
      id: randomUUID(),
      ...domainCodec.encode(event),
      metadata: { user: by },
      stream,
      version,
      checkpoint: sequenceCheckpoint(position),
      // A millisecond apart: the read models only care about the order.
      recordedAt: toIsoTime(START + position)
    }
  }
}
