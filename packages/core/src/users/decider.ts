import { upsert } from "../shared/upsert.ts"
import type { Current, Saved } from "../shared/upsert.ts"
import type { Decider } from "../shared/decider.ts"
import { accept, reject } from "../shared/rejected.ts"
import type { UserCommand } from "./commands.ts"
import type { UserEvent } from "./events.ts"
import { UserDeleted, UserRegistered, UserUpdated } from "./events.ts"
import { userRowSpec } from "./user-entry.ts"
import type { UserEntry } from "./user-entry.ts"

/** One user's stream: absent (never registered, or deleted) or the user. */
export type UserState = Current<UserEntry, "password">

// Without an Admin nobody could manage users any more.
const isLastAdmin = (state: UserState, otherAdmins: number): boolean =>
  state?.stored.entry.privilege === "Admin" && otherAdmins === 0

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: undefined,
  decide: (command, state) => {
    switch (command._tag) {
      case "SaveUser": {
        const demoted = command.changes.privilege !== undefined && command.changes.privilege !== "Admin"
        if (demoted && isLastAdmin(state, command.otherAdmins)) return reject("The last Admin cannot lose the Admin privilege.")
        return upsert({ required: userRowSpec.required }, state, command, {
          created: (saved) => UserRegistered.make(hashed(saved)),
          updated: (saved) => UserUpdated.make(hashed(saved))
        })
      }
      case "DeleteUser": {
        if (state === undefined) return reject(`Unable to locate user ${command.name}`)
        if (isLastAdmin(state, command.otherAdmins)) return reject("The last Admin cannot be deleted.")
        return accept(UserDeleted.make({ name: state.name, time: command.time, by: command.by }))
      }
    }
  },
  evolve: (_state, event) =>
    event._tag === "UserDeleted" ? undefined : { name: event.name, stored: { entry: event.entry, secrets: event.secrets } }
}

/** `upsert` made sure of the password, a required key. */
const hashed = (saved: Saved<UserEntry, "password">) => ({ ...saved, secrets: { password: saved.secrets.password! } })
