import type { Save } from "../shared/upsert.ts"
import type { UserEntry } from "./user-entry.ts"

/**
 * Create or update a user (a validated row; its password already hashed and sealed). A user is
 * one stream, so the application tells how many other Admins the users read model holds.
 */
export interface SaveUser extends Save<UserEntry, "password"> {
  readonly _tag: "SaveUser"
  readonly otherAdmins: number
}

export interface DeleteUser {
  readonly _tag: "DeleteUser"
  readonly name: string
  readonly otherAdmins: number
  readonly time: string
  readonly by: string
}

export type UserCommand = SaveUser | DeleteUser
