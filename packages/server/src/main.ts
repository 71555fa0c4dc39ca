#!/usr/bin/env node
import { NodeRuntime } from "@effect/platform-node"
import { Cause, Console, Effect, Exit } from "effect"
import type { Runtime } from "effect"
import { readConfig, usage } from "./config.ts"
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

/** A failure the program expects reads as its sentence (and its cause's); anything else is a bug and keeps its trace. */
const report = (cause: Cause.Cause<unknown>) => {
  if (Cause.hasInterruptsOnly(cause)) return Effect.void
  const error = Cause.findErrorOption(cause)
  if (error._tag === "None" || !(error.value instanceof Error)) return Console.error(Cause.pretty(cause))
  const { message, cause: reason } = error.value
  return Console.error(reason instanceof Error ? `${message} ${reason.message}` : message)
}

/** Stopped by SIGTERM or SIGINT is a clean stop: 0, not the 130 of an interrupted program. */
const teardown: Runtime.Teardown = (exit, onExit) => onExit(Exit.isSuccess(exit) || Cause.hasInterruptsOnly(exit.cause) ? 0 : 1)

NodeRuntime.runMain(main.pipe(Effect.tapCause(report)), { disableErrorReporting: true, teardown })
