import { NodeRuntime } from "@effect/platform-node"
import { Cause, Console, Effect, Exit } from "effect"
import type { Runtime } from "effect"

/**
 * Runs a command's main effect until it ends or SIGINT/SIGTERM interrupts it (`csm-server`, `csm-lab`, the demo).
 * A failure the command expects reads as its sentence (and its cause's) on stderr; anything else is a
 * bug and keeps its trace.
 */

const report = (cause: Cause.Cause<unknown>) => {
  if (Cause.hasInterruptsOnly(cause)) return Effect.void
  const error = Cause.findErrorOption(cause)
  if (error._tag === "None" || !(error.value instanceof Error)) return Console.error(Cause.pretty(cause))
  const { message, cause: reason } = error.value
  return Console.error(reason instanceof Error ? `${message} ${reason.message}` : message)
}

/** Stopped by SIGTERM or SIGINT is a clean stop: 0, not the 130 of an interrupted program. */
const teardown: Runtime.Teardown = (exit, onExit) => onExit(Exit.isSuccess(exit) || Cause.hasInterruptsOnly(exit.cause) ? 0 : 1)

export const runCommand = <A, E>(main: Effect.Effect<A, E>): void =>
  NodeRuntime.runMain(main.pipe(Effect.tapCause(report)), { disableErrorReporting: true, teardown })
