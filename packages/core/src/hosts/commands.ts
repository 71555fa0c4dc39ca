import type { Save } from "../shared/upsert.ts"
import type { HostEntry, HostFacts, HostPackages, HostSecretKey } from "./host-entry.ts"

/** Create or update a host (a validated row; its passwords already sealed). */
export interface SaveHost extends Save<HostEntry, HostSecretKey> {
  readonly _tag: "SaveHost"
}

/** Delete a host; `inProgressJob` is its running install job, if any, from the jobs read model. */
export interface DeleteHost {
  readonly _tag: "DeleteHost"
  readonly name: string
  readonly inProgressJob?: number
  readonly time: string
  readonly by: string
}

/** What a job or an inventory refresh learnt from the device. */
export interface RecordHostFacts {
  readonly _tag: "RecordHostFacts"
  readonly name: string
  readonly facts: HostFacts
  readonly time: string
}

export interface RecordHostPackages {
  readonly _tag: "RecordHostPackages"
  readonly name: string
  readonly packages: HostPackages
  readonly time: string
}

export type HostCommand = SaveHost | DeleteHost | RecordHostFacts | RecordHostPackages
