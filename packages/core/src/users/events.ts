import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import { nameKey } from "../shared/names.ts"
import { IsoTime } from "../shared/time.ts"
import { UserEntry, UserSecrets } from "./user-entry.ts"

/** A user's events live in `user-<name key>`: user names are unique case-insensitively. */
export const userStream = (name: string): string => `user-${nameKey(name)}`

// Registered and Updated carry the whole user after the change, so a projection replaces it.
const saved = { name: Schema.String, entry: UserEntry, secrets: UserSecrets, time: IsoTime, by: Schema.String }

export const UserRegistered = Schema.TaggedStruct("UserRegistered", saved)
export type UserRegistered = typeof UserRegistered.Type

export const UserUpdated = Schema.TaggedStruct("UserUpdated", saved)
export type UserUpdated = typeof UserUpdated.Type

export const UserDeleted = Schema.TaggedStruct("UserDeleted", { name: Schema.String, time: IsoTime, by: Schema.String })
export type UserDeleted = typeof UserDeleted.Type

export type UserEvent = UserRegistered | UserUpdated | UserDeleted

export const userEventDefinitions = [
  { type: "UserRegistered", schemaVersion: 1, schema: UserRegistered },
  { type: "UserUpdated", schemaVersion: 1, schema: UserUpdated },
  { type: "UserDeleted", schemaVersion: 1, schema: UserDeleted }
] as const satisfies ReadonlyArray<EventDefinition>
