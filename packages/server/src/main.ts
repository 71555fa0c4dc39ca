#!/usr/bin/env node
import { Console, Effect } from "effect"
import { readConfig, usage } from "./config.ts"
import { runCommand } from "./run-command.ts"
import { runServer } from "./server.ts"
import { StartupError } from "./startup-error.ts"

/** `csm-server [options]`: see `usage` and the README's configuration table. */
const main = Effect.gen(function*() {
  const invocation = yield* Effect.mapError(
    Effect.fromResult(readConfig(process.argv.slice(2), process.env)),
    (message) => new StartupError({ message })
  )
  if (invocation._tag === "Help") return yield* Console.log(usage())
  return yield* runServer(invocation.config)
})

runCommand(main)
