import { Effect } from "effect"
import { info, send } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf, StepFailed } from "../flow-context.ts"
import { operationId } from "../operation-text.ts"
import { step } from "../steps.ts"
import { operationVerdict, watchOperation } from "../watch.ts"
import type { Action } from "./action.ts"
import { exrStart } from "./operation-start.ts"
import { refresh } from "./refresh.ts"

const NO_OPERATION_ID = "Operation ID not found."

/** Commit (DEVICE.md §6.1, §6.4): classic is synchronous and usually complete before its prompt returns. */
export const commit: Action = (context) =>
  Effect.gen(function*() {
    yield* step(context, "Install Commit", installCommit(context))
    const packages = yield* step(context, "Refresh", refresh(context))
    return { packageChanges: [], packages }
  })

const installCommit = (context: FlowContext) =>
  Effect.gen(function*() {
    if (osOf(context) === "XR") {
      const output = yield* send(context, "admin install commit", "commitClassic")
      const id = operationId(output, "XR")
      if (id === undefined) return yield* Effect.fail(new StepFailed({ message: NO_OPERATION_ID }))
      yield* watchOperation(context, { id, startOutput: output, reloads: false })
      const log = yield* operationVerdict(context, id, "Install operation failed.")
      if (log.includes("completed with failure")) info(context, `Operation ${id} completed with failure`)
      return
    }
    const started = yield* Effect.flatMap(send(context, "install commit"), (output) => exrStart(output, NO_OPERATION_ID))
    yield* watchOperation(context, { id: started.id, startOutput: started.output, reloads: false })
    yield* operationVerdict(context, started.id)
  })
