import { ReadModels, saveUsers } from "@csm/core"
import { Console, Effect, Redacted } from "effect"
import { randomBytes } from "node:crypto"
import { StartupError } from "./startup-error.ts"

/**
 * API.md §3: on first start (no user at all) the server creates one Admin. Without a configured
 * password it draws one and prints it once on stdout, never through the log.
 */
export const bootstrapAdmin = (username: string, configured: Redacted.Redacted<string> | undefined) =>
  Effect.gen(function*() {
    const { views, catchUp } = yield* ReadModels
    if (views.users.size > 0) return
    const password = configured ?? Redacted.make(randomBytes(18).toString("base64url"))
    const [outcome] = yield* saveUsers([{ username, password: Redacted.value(password), privilege: "Admin" }], "csm-server")
    if (outcome?.failure !== undefined) {
      // Another server sharing the store may have created the first user at the same moment.
      yield* catchUp
      if (views.users.size > 0) return
      return yield* new StartupError({ message: `The first Admin user cannot be created: ${outcome.failure}` })
    }
    yield* Console.log(
      configured === undefined
        ? `Created the Admin user "${username}"; its password, shown only this once: ${Redacted.value(password)}`
        : `Created the Admin user "${username}" with the password of CSM_ADMIN_PASSWORD.`
    )
  })
