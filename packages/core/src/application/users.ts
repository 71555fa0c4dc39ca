import { Clock, Effect, Redacted, Result } from "effect"
import { toIsoTime } from "../shared/time.ts"
import { userDecider } from "../users/decider.ts"
import { userStream } from "../users/events.ts"
import { findUser, listUsers, otherAdmins } from "../users/projection.ts"
import { validateUserRow } from "../users/validate.ts"
import { commit, retryOnConflict } from "./commit.ts"
import { ReadModels } from "./read-models.ts"
import { saveRows } from "./save-rows.ts"
import { PasswordHasher, SecretBox } from "./secrets.ts"
import { decideOn } from "./stream-change.ts"

/** `POST /api/v1/users`: passwords are hashed, and the hash sealed, before they enter an event. */
export const saveUsers = (rows: ReadonlyArray<unknown>, actor: string) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const box = yield* SecretBox
    const hasher = yield* PasswordHasher
    return yield* saveRows({
      nameKey: "username",
      validate: validateUserRow,
      seal: (password) => Effect.flatMap(hasher.hash(password), (hash) => box.seal(Redacted.make(hash))),
      command: (row) => ({ _tag: "SaveUser" as const, ...row, otherAdmins: otherAdmins(views.users, row.name) }),
      decider: userDecider,
      stream: userStream
    }, rows, actor)
  })

/** `DELETE /api/v1/users/<name>/delete`; the last Admin stays. */
export const deleteUser = (name: string, actor: string) =>
  retryOnConflict(Effect.gen(function*() {
    const { views } = yield* ReadModels
    const time = toIsoTime(yield* Clock.currentTimeMillis)
    const stored = findUser(views.users, name)?.name ?? name
    const command = { _tag: "DeleteUser" as const, name, otherAdmins: otherAdmins(views.users, name), time, by: actor }
    const decided = yield* decideOn(userDecider, userStream(name), command)
    if (Result.isSuccess(decided)) yield* commit([decided.success], { actor })
    return Result.map(decided, () => stored)
  }))

/** The user whose name and password these are, if any: for Basic authentication. */
export const authenticate = (name: string, password: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const user = findUser(views.users, name)
    if (user === undefined) return undefined
    const box = yield* SecretBox
    const hasher = yield* PasswordHasher
    const hash = yield* box.open(user.passwordHash)
    return (yield* hasher.verify(password, Redacted.value(hash))) ? user : undefined
  })

export const usersList = (username?: string) => Effect.map(Effect.service(ReadModels), ({ views }) => listUsers(views.users, username))
