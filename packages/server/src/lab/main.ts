#!/usr/bin/env node
import { NodeRuntime } from "@effect/platform-node"
import { Cause, Console, Effect, Exit } from "effect"
import type { Runtime } from "effect"
import { LabStartFailed } from "./lab-errors.ts"
import { labUsage, readLabOptions } from "./lab-options.ts"
import { runLab } from "./run-lab.ts"

/** `csm-lab --count N [--os xr|exr|mixed] [--base-port P] [--time-scale F]`: see `labUsage`. */
const main = Effect.gen(function*() {
  const invocation = yield* Effect.mapError(
    Effect.fromResult(readLabOptions(process.argv.slice(2))),
    (message) => new LabStartFailed({ message })
  )
  if (invocation._tag === "Help") return yield* Console.log(labUsage())
  return yield* runLab(invocation.options)
})

/** A failure the lab expects reads as its sentence; anything else is a bug and keeps its trace. */
const report = (cause: Cause.Cause<unknown>) => {
  if (Cause.hasInterruptsOnly(cause)) return Effect.void
  const error = Cause.findErrorOption(cause)
  return error._tag === "Some" && error.value instanceof Error ? Console.error(error.value.message) : Console.error(Cause.pretty(cause))
}

/** Stopped by SIGTERM or SIGINT is a clean stop: 0, not the 130 of an interrupted program. */
const teardown: Runtime.Teardown = (exit, onExit) => onExit(Exit.isSuccess(exit) || Cause.hasInterruptsOnly(exit.cause) ? 0 : 1)

NodeRuntime.runMain(main.pipe(Effect.tapCause(report)), { disableErrorReporting: true, teardown })
