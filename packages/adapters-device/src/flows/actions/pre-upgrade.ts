import { Effect } from "effect"
import {
  configCapture, configFilesystemCheck, customCommandsCapture, isisNeighborCheck, nodeRedundancyCheck, nodeStatusCheck
} from "../checks.ts"
import { step } from "../steps.ts"
import type { Action } from "./action.ts"

/** Pre-Upgrade (DEVICE.md §6.1): captures and checks; its captures are remembered for the Post-Upgrade diff. */
export const preUpgrade: Action = (context) =>
  Effect.gen(function*() {
    yield* step(context, "Config Capture", configCapture(context))
    yield* step(context, "Custom Commands Capture", customCommandsCapture(context))
    yield* step(context, "Config Filesystem Check", configFilesystemCheck(context))
    yield* step(context, "Node Status Check", nodeStatusCheck(context))
    yield* step(context, "Node Redundancy Check", nodeRedundancyCheck(context))
    yield* step(context, "ISIS Neighbor Check", isisNeighborCheck(context, false))
    return { packageChanges: [] }
  })
