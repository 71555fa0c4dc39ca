import { Schema } from "effect"
import type { RowSpec } from "../shared/row.ts"
import { Text, UserName } from "../shared/names.ts"

export const Privilege = Schema.Literals(["Admin", "Network Admin", "Operator", "Viewer"]).annotate({
  message: `must be "Admin", "Network Admin", "Operator" or "Viewer"`
})
export type Privilege = typeof Privilege.Type

/** A CSM user's profile. */
export const UserEntry = Schema.Struct({
  privilege: Privilege,
  fullname: Schema.optionalKey(Schema.String),
  email: Schema.optionalKey(Schema.String)
})
export type UserEntry = typeof UserEntry.Type

/** The password as a slow salted hash, sealed by the adapter; never the password itself. */
export const UserSecrets = Schema.Struct({ password: Schema.String })
export type UserSecrets = typeof UserSecrets.Type

const Email = Text(100).check(
  Schema.makeFilter((s: string) => /^[^\s@]+@[^\s@]+$/.test(s) || "must be an email address such as name@example.com")
)

/** The keys of POST /api/v1/users. */
export const userRowSpec: RowSpec<UserEntry, "password"> = {
  nameKey: "username",
  name: UserName,
  inputs: { privilege: Privilege, fullname: Text(100), email: Email },
  secrets: ["password"],
  required: ["privilege", "password"]
}
