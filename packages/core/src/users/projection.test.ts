import { Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import { UserDeleted, UserRegistered, UserUpdated } from "./events.ts"
import { findUser, listUsers, otherAdmins, usersProjection } from "./projection.ts"
import { validateUserRow } from "./validate.ts"

const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const meta = { stream: "user-x", version: 1, recordedAt: time }

const state = usersProjection.init()
for (
  const event of [
    UserRegistered.make({ name: "bob", entry: { privilege: "Viewer" }, secrets: { password: "hash-b" }, time, by }),
    UserRegistered.make({ name: "Alice", entry: { privilege: "Admin" }, secrets: { password: "hash-a" }, time, by }),
    UserRegistered.make({ name: "Carol", entry: { privilege: "Admin" }, secrets: { password: "hash-c" }, time, by }),
    UserUpdated.make({ name: "bob", entry: { privilege: "Operator", fullname: "Bob B." }, secrets: { password: "hash-b2" }, time, by }),
    UserDeleted.make({ name: "Carol", time, by })
  ]
) usersProjection.apply(state, event, meta)

const validate = (row: unknown) => {
  const result = validateUserRow(row)
  return Result.isSuccess(result) ? result.success : result.failure.message
}

describe("users read model", () => {
  it("lists users by name without any password field", () => {
    expect(listUsers(state)).toEqual(Result.succeed([
      { username: "Alice", privilege: "Admin", fullname: "", email: "" },
      { username: "bob", privilege: "Operator", fullname: "Bob B.", email: "" }
    ]))
    const unknown = listUsers(state, "carol")
    expect(Result.isFailure(unknown) && unknown.failure.message).toBe("Unknown username 'carol'.")
  })

  it("keeps the sealed hash for authentication", () => {
    expect(findUser(state, "BOB")?.passwordHash).toBe("hash-b2")
  })

  it("counts the other Admins", () => {
    expect(otherAdmins(state, "alice")).toBe(0)
    expect(otherAdmins(state, "bob")).toBe(1)
  })
})

describe("user rows", () => {
  it("reads a user with a redacted password", () => {
    const row = validate({ username: "dave", password: "s3cret", privilege: "Network Admin", email: "dave@example.com" })
    expect(typeof row !== "string" && row.changes).toEqual({ privilege: "Network Admin", email: "dave@example.com" })
    expect(typeof row !== "string" && row.secrets.password && Redacted.value(row.secrets.password)).toBe("s3cret")
  })

  it("refuses bad privileges, names, emails and empty passwords", () => {
    expect(validate({ username: "d", privilege: "Root" })).toBe(
      `'privilege' must be "Admin", "Network Admin", "Operator" or "Viewer".`
    )
    expect(validate({ username: "d:e" })).toBe("'username' must not contain ':'.")
    expect(validate({ username: "d", email: "nobody" })).toBe("'email' must be an email address such as name@example.com.")
    expect(validate({ username: "d", password: "" })).toBe("'password' must not be empty.")
    expect(validate({ username: "d", password: "p".repeat(51) })).toBe("'password' must be at most 50 characters.")
  })
})
