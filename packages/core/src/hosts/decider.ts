import { Equal } from "effect"
import type { Stored } from "../shared/upsert.ts"
import { upsert } from "../shared/upsert.ts"
import type { Decider } from "../shared/decider.ts"
import { accept, reject } from "../shared/rejected.ts"
import type { HostCommand } from "./commands.ts"
import type { HostEvent } from "./events.ts"
import { HostDeleted, HostDiscovered, HostPackagesRecorded, HostRegistered, HostUpdated } from "./events.ts"
import { hostRowSpec } from "./host-entry.ts"
import type { HostEntry, HostFacts, HostPackages, HostSecretKey } from "./host-entry.ts"

/** One host's stream: absent (never registered, or deleted), or the host and what its device told. */
export type HostState =
  | {
    readonly name: string
    readonly stored: Stored<HostEntry, HostSecretKey>
    readonly facts?: HostFacts
    readonly packages?: HostPackages
  }
  | undefined

const unknownHost = (name: string) => reject(`Unable to locate host ${name}`)

export const hostDecider: Decider<HostCommand, HostEvent, HostState> = {
  initialState: undefined,
  decide: (command, state) => {
    switch (command._tag) {
      case "SaveHost":
        return upsert({ required: hostRowSpec.required }, state, command, {
          created: (saved) => HostRegistered.make(saved),
          updated: (saved) => HostUpdated.make(saved)
        })
      case "DeleteHost": {
        if (state === undefined) return unknownHost(command.name)
        if (command.inProgressJob !== undefined) {
          return reject(`Unable to delete host ${state.name} as install job ${command.inProgressJob} is in progress.`)
        }
        return accept(HostDeleted.make({ name: state.name, time: command.time, by: command.by }))
      }
      case "RecordHostFacts": {
        if (state === undefined) return unknownHost(command.name)
        if (Equal.equals(state.facts, command.facts)) return accept()
        return accept(HostDiscovered.make({ name: state.name, facts: command.facts, time: command.time }))
      }
      case "RecordHostPackages": {
        if (state === undefined) return unknownHost(command.name)
        if (Equal.equals(state.packages, command.packages)) return accept()
        return accept(HostPackagesRecorded.make({ name: state.name, packages: command.packages, time: command.time }))
      }
    }
  },
  evolve: (state, event) => {
    switch (event._tag) {
      case "HostRegistered":
        return { name: event.name, stored: { entry: event.entry, secrets: event.secrets } }
      case "HostUpdated":
        return state && { ...state, stored: { entry: event.entry, secrets: event.secrets } }
      case "HostDeleted":
        return undefined
      case "HostDiscovered":
        return state && { ...state, facts: event.facts }
      case "HostPackagesRecorded":
        return state && { ...state, packages: event.packages }
    }
  }
}
