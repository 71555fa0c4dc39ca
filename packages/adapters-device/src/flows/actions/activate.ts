import { Effect } from "effect"
import { configFilesystemCheck, nodeRedundancyCheck } from "../checks.ts"
import { osOf } from "../flow-context.ts"
import { matchActivate } from "../package-matching.ts"
import { withoutLocation } from "../package-state.ts"
import { step } from "../steps.ts"
import type { Action } from "./action.ts"
import { added } from "./action.ts"
import { installActivation } from "./activation.ts"
import { refresh } from "./refresh.ts"

/** Activate (DEVICE.md §6.1, §6.5); `package_change_list` = the newly active names. */
export const activate: Action = (context) =>
  Effect.gen(function*() {
    yield* step(context, "Config Filesystem Check", configFilesystemCheck(context))
    yield* step(context, "Node Redundancy Check", nodeRedundancyCheck(context))
    const before = yield* step(
      context,
      "Install Activate",
      installActivation(context, "activate", (lists) => matchActivate(context.packages, lists, osOf(context)))
    )
    if (before === undefined) return { packageChanges: [] }
    const packages = yield* step(context, "Refresh", refresh(context))
    return { packageChanges: added(before.map(withoutLocation), packages.active), packages }
  })
