import { Effect } from "effect"
import type { TimingKey } from "../../timing/timing-profile.ts"
import { send, warn } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { StepFailed } from "../flow-context.ts"
import { accepted, errorLines, operationId } from "../operation-text.ts"

/** How an install command's start is judged (DEVICE.md §6.4, §6.5, §8). */

const EXR_BUSY = "Could not start this install operation because an install operation is still in progress"

export interface StartedOperation {
  readonly id: number
  readonly output: string
}

/** Classic: the output must hold the op id and the accepted sentence; otherwise its `Error:` lines become warnings. */
const classicStart = (context: FlowContext, output: string): Effect.Effect<StartedOperation, StepFailed> => {
  const id = operationId(output, "XR")
  if (id !== undefined && accepted(output, "XR")) return Effect.succeed({ id, output })
  for (const line of errorLines(output, "XR")) warn(context, line)
  return Effect.fail(new StepFailed({ message: id === undefined ? "Operation failed" : `Operation ${id} failed` }))
}

/** eXR: a busy device refuses; otherwise the output must name the operation. */
export const exrStart = (output: string, noId = "Operation failed"): Effect.Effect<StartedOperation, StepFailed> => {
  if (output.includes("Could not start this install operation")) return Effect.fail(new StepFailed({ message: EXR_BUSY }))
  const id = operationId(output, "eXR")
  return id === undefined ? Effect.fail(new StepFailed({ message: noId })) : Effect.succeed({ id, output })
}

export const startClassic = (context: FlowContext, command: string, timeout: TimingKey) =>
  Effect.flatMap(send(context, command, timeout), (output) => classicStart(context, output))
