import { ReadModels, SecretBox } from "@csm/core"
import { Effect, Exit } from "effect"
import { StartupError } from "./startup-error.ts"

/**
 * Every user's password hash is sealed with the secret key, so opening one tells whether the key
 * is the one the store was written with. Without this check a changed CSM_SECRET_KEY would start
 * a server on which every login fails.
 */
export const checkSecretKey = (source: string) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const user = views.users.values().next()
    if (user.done) return
    const opened = yield* Effect.exit((yield* SecretBox).open(user.value.passwordHash))
    if (Exit.isFailure(opened)) {
      return yield* new StartupError({
        message: `The secret key (${source}) does not open the passwords in the store; start with the key they were sealed with.`
      })
    }
  })
