import { describe, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { userDecider } from "./decider.ts"
import { UserDeleted, UserRegistered, UserUpdated } from "./events.ts"

const spec = DeciderSpecification.for(userDecider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const admin = UserRegistered.make({ name: "Alice", entry: { privilege: "Admin" }, secrets: { password: "hash-1" }, time, by })
const save = (changes: object, secrets: { readonly password?: string }, otherAdmins = 0) =>
  ({ _tag: "SaveUser", name: "alice", changes, secrets, otherAdmins, time, by }) as const

describe("users", () => {
  it("registers a user with the sealed hash of the password", () => {
    spec.given([]).when({ ...save({ privilege: "Admin" }, { password: "hash-1" }), name: "Alice" }).then([admin])
  })

  it("needs a privilege and a password for a new user", () => {
    spec.given([]).when(save({ fullname: "Alice A." }, {}))
      .thenRejects("The following required keys, 'privilege,password', are missing.")
    spec.given([]).when(save({ privilege: "Viewer" }, {}))
      .thenRejects("The following required key, 'password', is missing.")
  })

  it("changes the password only when given", () => {
    spec.given([admin]).when(save({ email: "alice@example.com" }, {}))
      .then([UserUpdated.make({
        name: "Alice",
        entry: { privilege: "Admin", email: "alice@example.com" },
        secrets: { password: "hash-1" },
        time,
        by
      })])
    spec.given([admin]).when(save({}, { password: "hash-2" }))
      .then([UserUpdated.make({ name: "Alice", entry: { privilege: "Admin" }, secrets: { password: "hash-2" }, time, by })])
  })

  it("records nothing when nothing changes", () => {
    spec.given([admin]).when(save({ privilege: "Admin" }, {})).then([])
  })

  it("keeps the last Admin an Admin", () => {
    spec.given([admin]).when(save({ privilege: "Operator" }, {})).thenRejects("The last Admin cannot lose the Admin privilege.")
    spec.given([admin]).when(save({ privilege: "Operator" }, {}, 1))
      .then([UserUpdated.make({ name: "Alice", entry: { privilege: "Operator" }, secrets: { password: "hash-1" }, time, by })])
  })

  it("deletes a user", () => {
    spec.given([admin]).when({ _tag: "DeleteUser", name: "ALICE", otherAdmins: 1, time, by })
      .then([UserDeleted.make({ name: "Alice", time, by })])
  })

  it("cannot delete the last Admin", () => {
    spec.given([admin]).when({ _tag: "DeleteUser", name: "Alice", otherAdmins: 0, time, by })
      .thenRejects("The last Admin cannot be deleted.")
  })

  it("cannot delete a user it does not know", () => {
    spec.given([admin, UserDeleted.make({ name: "Alice", time, by })])
      .when({ _tag: "DeleteUser", name: "Alice", otherAdmins: 0, time, by })
      .thenRejects("Unable to locate user Alice")
  })
})
