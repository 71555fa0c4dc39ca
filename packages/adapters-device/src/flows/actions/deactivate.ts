import { Effect } from "effect"
import { configFilesystemCheck } from "../checks.ts"
import { osOf } from "../flow-context.ts"
import { matchDeactivate } from "../package-matching.ts"
import { withoutLocation } from "../package-state.ts"
import { step } from "../steps.ts"
import type { Action } from "./action.ts"
import { added } from "./action.ts"
import { installActivation } from "./activation.ts"
import { refresh } from "./refresh.ts"

/** Deactivate (DEVICE.md §6.1, §6.5); `package_change_list` = the active names that went away. */
export const deactivate: Action = (context) =>
  Effect.gen(function*() {
    yield* step(context, "Config Filesystem Check", configFilesystemCheck(context))
    const before = yield* step(
      context,
      "Install Deactivate",
      installActivation(context, "deactivate", (lists) => matchDeactivate(context.packages, lists.active, osOf(context)))
    )
    if (before === undefined) return { packageChanges: [] }
    const packages = yield* step(context, "Refresh", refresh(context))
    return { packageChanges: added(packages.active, before.map(withoutLocation)), packages }
  })
