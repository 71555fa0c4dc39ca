import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import { nameKey } from "../shared/names.ts"
import { IsoTime } from "../shared/time.ts"
import { HostEntry, HostFacts, HostPackages, HostSecrets } from "./host-entry.ts"

/** A host's events live in `host-<name key>`, so "R1" and "r1" share one stream. */
export const hostStream = (name: string): string => `host-${nameKey(name)}`

// Registered and Updated carry the whole host after the change, so a projection replaces it.
const saved = { name: Schema.String, entry: HostEntry, secrets: HostSecrets, time: IsoTime, by: Schema.String }

export const HostRegistered = Schema.TaggedStruct("HostRegistered", saved)
export type HostRegistered = typeof HostRegistered.Type

export const HostUpdated = Schema.TaggedStruct("HostUpdated", saved)
export type HostUpdated = typeof HostUpdated.Type

export const HostDeleted = Schema.TaggedStruct("HostDeleted", { name: Schema.String, time: IsoTime, by: Schema.String })
export type HostDeleted = typeof HostDeleted.Type

export const HostDiscovered = Schema.TaggedStruct("HostDiscovered", { name: Schema.String, facts: HostFacts, time: IsoTime })
export type HostDiscovered = typeof HostDiscovered.Type

export const HostPackagesRecorded = Schema.TaggedStruct("HostPackagesRecorded", {
  name: Schema.String,
  packages: HostPackages,
  time: IsoTime
})
export type HostPackagesRecorded = typeof HostPackagesRecorded.Type

export type HostEvent = HostRegistered | HostUpdated | HostDeleted | HostDiscovered | HostPackagesRecorded

export const hostEventDefinitions = [
  { type: "HostRegistered", schemaVersion: 1, schema: HostRegistered },
  { type: "HostUpdated", schemaVersion: 1, schema: HostUpdated },
  { type: "HostDeleted", schemaVersion: 1, schema: HostDeleted },
  { type: "HostDiscovered", schemaVersion: 1, schema: HostDiscovered },
  { type: "HostPackagesRecorded", schemaVersion: 1, schema: HostPackagesRecorded }
] as const satisfies ReadonlyArray<EventDefinition>
