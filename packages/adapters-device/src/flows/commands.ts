import { Effect } from "effect"
import type { CommandError } from "../session/device-errors.ts"
import type { TimingKey } from "../timing/timing-profile.ts"
import type { FlowContext } from "./flow-context.ts"
import { osOf, StepFailed } from "./flow-context.ts"

/**
 * The command primitives as the flows use them: timeouts by timing key, and on eXR a command the
 * device answers with `Please try command later` is resent (DEVICE.md §6.3). The session itself
 * logs what it sends.
 */

export const info = (context: FlowContext, message: string): void =>
  context.recorder.step("INFO", context.currentStep, message)

export const warn = (context: FlowContext, text: string): void => {
  context.recorder.step("WARNING", context.currentStep, text)
  context.warnings.push(`WARNING: [${context.currentStep}] ${text}`)
}

/** Keeps a captured output as a file of the log directory. */
export const save = (context: FlowContext, name: string, text: string): void => {
  context.recorder.file(name, text)
  context.captures.set(name, text)
  info(context, `Saved ${name}`)
}

const TRY_LATER = "Please try command later"
export const NODE_UNRESPONSIVE = "Node unresponsive (possible ongoing install operation)"

const retryWhileBusy = <A extends string | { readonly output: string }>(
  context: FlowContext,
  attempt: Effect.Effect<A, CommandError>
): Effect.Effect<A, CommandError | StepFailed> => {
  const outputOf = (result: A): string => typeof result === "string" ? result : result.output
  const loop = (tries: number): Effect.Effect<A, CommandError | StepFailed> =>
    Effect.flatMap(attempt, (result) => {
      if (osOf(context) !== "eXR" || !outputOf(result).includes(TRY_LATER)) return Effect.succeed(result)
      if (tries >= context.timing.count("tryLaterLimit")) return Effect.fail(new StepFailed({ message: NODE_UNRESPONSIVE }))
      info(context, `The device said '${TRY_LATER}': trying again`)
      return Effect.andThen(Effect.sleep(context.timing.sleepMs("tryLaterInterval")), loop(tries + 1))
    })
  return loop(0)
}

export const send = (context: FlowContext, command: string, timeout: TimingKey = "command") =>
  retryWhileBusy(context, Effect.suspend(() => context.session().send(command, context.timing.timeoutMs(timeout))))

export const sendExpecting = (
  context: FlowContext,
  command: string,
  patterns: ReadonlyArray<RegExp>,
  timeout: TimingKey
) =>
  retryWhileBusy(
    context,
    Effect.suspend(() => context.session().sendExpecting(command, patterns, context.timing.timeoutMs(timeout)))
  )

/** Types a secret (never logged) and waits as `sendExpecting`. */
export const sendSecret = (context: FlowContext, secret: string, patterns: ReadonlyArray<RegExp>, timeout: TimingKey) =>
  Effect.suspend(() => context.session().sendSecret(secret, patterns, context.timing.timeoutMs(timeout)))

/** Runs `body` on the eXR admin VM. */
export const onAdminPlane = <A, E>(context: FlowContext, body: Effect.Effect<A, E>) =>
  Effect.suspend(() => context.session().admin(body))

/** The sentence a command error ends a job with (DEVICE.md §8). */
export const commandErrorMessage = (error: CommandError): string =>
  error._tag === "CommandSyntaxError" ? `Command unknown: '${error.command}'` : error.message
