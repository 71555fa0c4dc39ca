import { Effect } from "effect"
import type { CommandError } from "../session/device-errors.ts"
import { commandErrorMessage, info } from "./commands.ts"
import type { FlowContext, StepFailed } from "./flow-context.ts"
import { JobFailed } from "./flow-context.ts"

/**
 * One step of an action (DEVICE.md §6.1): its name goes to `status_message` and the logs; a
 * failure adds `ERROR: [<step>] <text>` and ends the job with `<text>`. The logs are flushed after
 * every step, so that they can be read while the job runs.
 */
export const step = <A>(
  context: FlowContext,
  name: string,
  body: Effect.Effect<A, StepFailed | CommandError | JobFailed>
): Effect.Effect<A, JobFailed> =>
  Effect.gen(function*() {
    context.currentStep = name
    info(context, "Started")
    yield* context.status(name)
    return yield* body
  }).pipe(
    Effect.catchTags({
      StepFailed: (error) => fail(context, name, error.message),
      CommandSyntaxError: (error) => fail(context, name, commandErrorMessage(error)),
      CommandTimeout: (error) => fail(context, name, commandErrorMessage(error)),
      CommandTooLong: (error) => fail(context, name, commandErrorMessage(error)),
      DeviceDisconnected: (error) => fail(context, name, commandErrorMessage(error))
    }),
    Effect.ensuring(context.flush)
  )

/** Records `ERROR: [<step>] <message>` and ends the job. */
export const fail = (context: FlowContext, name: string, message: string): Effect.Effect<never, JobFailed> =>
  Effect.suspend(() => {
    context.recorder.step("ERROR", name, message)
    context.warnings.push(`ERROR: [${name}] ${message}`)
    return Effect.fail(new JobFailed({ message }))
  })
