import { Effect, Result } from "effect"
import type { CommandError } from "../session/device-errors.ts"
import { commandErrorMessage, info, send, warn } from "./commands.ts"
import type { FlowContext } from "./flow-context.ts"
import { osOf, StepFailed } from "./flow-context.ts"
import { completionLine, errorLines, logCommand, logSaysFailed, noRequest, pollCommand, progressOf } from "./operation-text.ts"

/**
 * The async watch loop (DEVICE.md §6.3): wait for the completion line, poll, post progress, and
 * survive drops and timeouts by reconnecting up to `watchRetries` times. For an operation known to
 * reload, a drop or a timeout means the reboot has begun.
 */
export interface WatchedOperation {
  readonly id: number
  /** The start command's output (a synchronous commit already holds its completion line). */
  readonly startOutput: string
  readonly reloads: boolean
}

/** `done`: the device says it finished; `rebooting`: it dropped us as a reload began. */
export type WatchEnd = "done" | "rebooting"

const spinner = ["|", "/", "-", "\\"]

/** One `waitFor` (the completion line, or a quiet `completionWait`) then a poll; true once no request runs. */
const round = (context: FlowContext, id: number, tick: number) =>
  Effect.gen(function*() {
    const os = osOf(context)
    const waited = yield* Effect.result(
      Effect.suspend(() => context.session().waitFor(completionLine(id, os), context.timing.timeoutMs("completionWait")))
    )
    if (Result.isFailure(waited) && waited.failure._tag !== "CommandTimeout") return yield* Effect.fail(waited.failure)
    const output = yield* poll(context)
    if (noRequest(output, os)) return true
    const progress = progressOf(output, id, os)
    if (progress !== undefined) yield* context.status(`${spinner[tick % spinner.length]} ${progress}`)
    info(context, `Operation ${id}: ${progress ?? "running"}`)
    yield* context.flush
    return false
  })

/** `show install request`; on eXR a syntax or command error gets one retry `tryLaterInterval` later. */
const poll = (context: FlowContext): Effect.Effect<string, CommandError | StepFailed> => {
  const once = send(context, pollCommand(osOf(context)), "poll")
  if (osOf(context) === "XR") return once
  return once.pipe(Effect.catchTag("CommandSyntaxError", () =>
    Effect.andThen(Effect.sleep(context.timing.sleepMs("tryLaterInterval")), send(context, pollCommand("eXR"), "poll"))
  ))
}

export const watchOperation = (context: FlowContext, operation: WatchedOperation): Effect.Effect<WatchEnd, StepFailed> =>
  Effect.gen(function*() {
    const { id } = operation
    const seen = operation.startOutput + context.session().takeUnsolicited()
    if (completionLine(id, osOf(context)).test(seen)) return "done"
    let retries = 0
    for (let tick = 0;; tick++) {
      const result = yield* Effect.result(round(context, id, tick))
      if (Result.isSuccess(result)) {
        if (result.success) return "done"
        continue
      }
      const error = result.failure
      if (error._tag === "StepFailed") return yield* Effect.fail(error)
      const dropped = error._tag === "DeviceDisconnected" || error._tag === "CommandTimeout"
      if (operation.reloads && dropped) {
        info(context, `Operation ${id}: the device went away (${error.message}); the reload has begun`)
        return "rebooting"
      }
      retries += 1
      if (retries > context.timing.count("watchRetries")) {
        return yield* Effect.fail(new StepFailed({ message: commandErrorMessage(error) }))
      }
      info(context, `Operation ${id}: ${commandErrorMessage(error)}; reconnecting (retry ${retries})`)
      yield* context.disconnect
      yield* Effect.sleep(context.timing.sleepMs("watchRetrySleep"))
      yield* context.reconnect("reconnectBudget")
    }
  })

/**
 * Reads `show install log <id> detail`. A failed (classic) or aborted (eXR) operation turns the
 * device's error lines into warnings and fails with `failure` (default "Operation <id> failed").
 */
export const operationVerdict = (context: FlowContext, id: number, failure = `Operation ${id} failed`) =>
  Effect.flatMap(send(context, logCommand(id, osOf(context))), (log) => {
    if (!logSaysFailed(log, id, osOf(context))) return Effect.succeed(log)
    for (const line of errorLines(log, osOf(context))) warn(context, line)
    return Effect.fail(new StepFailed({ message: failure }))
  })
