import type { Projection } from "../shared/projection.ts"
import { nameKey } from "../shared/names.ts"
import type { HostEvent } from "./events.ts"
import type { HostEntry, HostFacts, HostPackages, HostSecrets } from "./host-entry.ts"

/** A host as the read model knows it; `secrets` are sealed and never leave through the API. */
export interface HostRecord {
  readonly name: string
  readonly entry: HostEntry
  readonly secrets: HostSecrets
  readonly created_by: string
  readonly created_time: string
  readonly facts?: HostFacts
  readonly packages?: HostPackages
}

// The projection changes a record in place, so that the ordered list below stays valid.
type MutableRecord = { -readonly [K in keyof HostRecord]: HostRecord[K] }

export interface HostsReadModel {
  readonly hosts: Map<string, MutableRecord>
  /**
   * Every host in hostname order, rebuilt by the first query after a host came or went:
   * keeping it sorted per event would cost a million insertions into a million-long array.
   */
  ordered: ReadonlyArray<HostRecord> | undefined
}

export const hostsProjection: Projection<HostsReadModel, HostEvent> = {
  init: () => ({ hosts: new Map(), ordered: undefined }),
  apply: (state, event) => {
    const key = nameKey(event.name)
    if (event._tag === "HostRegistered") {
      const { name, entry, secrets, time, by } = event
      state.hosts.set(key, { name, entry, secrets, created_by: by, created_time: time })
      state.ordered = undefined
      return
    }
    if (event._tag === "HostDeleted") {
      state.hosts.delete(key)
      state.ordered = undefined
      return
    }
    const host = state.hosts.get(key)
    if (host === undefined) return
    switch (event._tag) {
      case "HostUpdated":
        host.entry = event.entry
        host.secrets = event.secrets
        return
      case "HostDiscovered":
        host.facts = event.facts
        return
      case "HostPackagesRecorded":
        host.packages = event.packages
    }
  }
}

export const findHost = (state: HostsReadModel, name: string): HostRecord | undefined => state.hosts.get(nameKey(name))

/** Every host, ordered by hostname (case-insensitively, in code point order). */
export const orderedHosts = (state: HostsReadModel): ReadonlyArray<HostRecord> =>
  (state.ordered ??= [...state.hosts.keys()].sort().map((key) => state.hosts.get(key)!))

/** The hosts of a region, by hostname: they keep the region from being deleted. */
export const hostsInRegion = (state: HostsReadModel, region: string): ReadonlyArray<string> =>
  namesWhere(state, (host) => nameKey(host.entry.region) === nameKey(region))

/** The hosts reached through a jump host, by hostname. */
export const hostsBehindJumpHost = (state: HostsReadModel, jumpHost: string): ReadonlyArray<string> =>
  namesWhere(state, (host) => host.entry.jump_host !== undefined && nameKey(host.entry.jump_host) === nameKey(jumpHost))

const namesWhere = (state: HostsReadModel, keep: (host: HostRecord) => boolean): ReadonlyArray<string> =>
  orderedHosts(state).filter(keep).map((host) => host.name)
