import { Result } from "effect"
import type { Projection } from "../shared/projection.ts"
import { byName, nameKey } from "../shared/names.ts"
import { reject } from "../shared/rejected.ts"
import type { Rejected } from "../shared/rejected.ts"
import type { UserEvent } from "./events.ts"
import type { Privilege } from "./user-entry.ts"

/** A user as authentication needs it: `passwordHash` is the sealed hash. */
export interface UserRecord {
  readonly name: string
  readonly privilege: Privilege
  readonly fullname: string
  readonly email: string
  readonly passwordHash: string
}

/** A user as GET /api/v1/users shows it: no password field of any kind. */
export interface UserRow {
  readonly username: string
  readonly privilege: Privilege
  readonly fullname: string
  readonly email: string
}

/** Every user, by name key. */
export type UsersReadModel = Map<string, UserRecord>

export const usersProjection: Projection<UsersReadModel, UserEvent> = {
  init: () => new Map(),
  apply: (state, event) => {
    if (event._tag === "UserDeleted") {
      state.delete(nameKey(event.name))
      return
    }
    const { name, entry, secrets } = event
    state.set(nameKey(name), {
      name,
      privilege: entry.privilege,
      fullname: entry.fullname ?? "",
      email: entry.email ?? "",
      passwordHash: secrets.password
    })
  }
}

export const findUser = (state: UsersReadModel, name: string): UserRecord | undefined => state.get(nameKey(name))

/** The Admins besides `name`: the last one may be neither deleted nor demoted. */
export const otherAdmins = (state: UsersReadModel, name: string): number => {
  let count = 0
  for (const [key, user] of state) if (user.privilege === "Admin" && key !== nameKey(name)) count++
  return count
}

/** The GET rows, by name; with a name filter, that user or `Unknown username '<name>'.` */
export const listUsers = (state: UsersReadModel, username?: string): Result.Result<ReadonlyArray<UserRow>, Rejected> => {
  if (username === undefined) return Result.succeed([...state.values()].sort(byName).map(toRow))
  const user = findUser(state, username)
  return user === undefined ? reject(`Unknown username '${username}'.`) : Result.succeed([toRow(user)])
}

const toRow = ({ name, privilege, fullname, email }: UserRecord): UserRow => ({ username: name, privilege, fullname, email })
