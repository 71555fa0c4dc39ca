import { Effect } from "effect"
import { info, send, warn } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf, StepFailed } from "../flow-context.ts"
import { matchRemove } from "../package-matching.ts"
import { withoutLocation } from "../package-state.ts"
import { step } from "../steps.ts"
import { operationVerdict, watchOperation } from "../watch.ts"
import type { Action } from "./action.ts"
import { added } from "./action.ts"
import { exrStart, startClassic } from "./operation-start.ts"
import { readPackageLists, refresh } from "./refresh.ts"

/** Remove (DEVICE.md §6.1, §6.4); `package_change_list` = the inactive names that went away. */
export const remove: Action = (context) =>
  Effect.gen(function*() {
    const before = yield* step(context, "Install Remove", installRemove(context))
    if (before === undefined) return { packageChanges: [] }
    const packages = yield* step(context, "Refresh", refresh(context))
    return { packageChanges: added(packages.inactive, before.map(withoutLocation)), packages }
  })

/** The inactive list before the removal, or `undefined` when nothing was left to remove. */
const installRemove = (context: FlowContext) =>
  Effect.gen(function*() {
    const os = osOf(context)
    const lists = yield* readPackageLists(context)
    const matched = matchRemove(context.packages, lists.inactive, os)
    if (matched._tag === "Nothing") {
      warn(context, matched.message)
      return undefined
    }
    if (matched._tag === "Refused") return yield* Effect.fail(new StepFailed({ message: matched.message }))
    info(context, `Matched packages: ${matched.names.join(" ")}`)
    const names = matched.names.join(" ")
    const started = os === "XR"
      ? yield* startClassic(context, `admin install remove ${names} prompt-level none async`, "installClassic")
      : yield* Effect.flatMap(send(context, `install remove ${names}`, "removeExr"), (output) => exrStart(output))
    yield* watchOperation(context, { id: started.id, startOutput: started.output, reloads: false })
    yield* operationVerdict(context, started.id)
    return lists.inactive
  })
