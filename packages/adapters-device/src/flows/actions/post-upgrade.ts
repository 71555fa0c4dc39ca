import { Effect } from "effect"
import {
  configCapture, coreErrorCheck, customCommandsCapture, failedStartupConfigCheck, isisNeighborCheck, nodeStatusCheck
} from "../checks.ts"
import { info, warn } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { step } from "../steps.ts"
import type { Action } from "./action.ts"

/** Post-Upgrade (DEVICE.md §6.1): captures and checks again, then the diff against the last completed Pre-Upgrade. */
export const postUpgrade: Action = (context) =>
  Effect.gen(function*() {
    yield* step(context, "Config Capture", configCapture(context))
    yield* step(context, "Custom Commands Capture", customCommandsCapture(context))
    yield* step(context, "Node Status Check", nodeStatusCheck(context))
    yield* step(context, "ISIS Neighbor Check", isisNeighborCheck(context, true))
    yield* step(context, "Core Error Check", coreErrorCheck(context))
    yield* step(context, "Failed Startup Config Check", failedStartupConfigCheck(context))
    yield* step(context, "Diff", Effect.sync(() => diffCaptures(context)))
    return { packageChanges: [] }
  })

const timestampLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d\.\d{3} \w+$/
const comparable = (text: string): string => text.split("\n").filter((line) => !timestampLine.test(line)).join("\n")

/** Each `*.txt` captured now and by the Pre-Upgrade is compared; a difference becomes `<name>.txt.diff`. */
const diffCaptures = (context: FlowContext): void => {
  const before = context.lastPreUpgrade
  if (before === undefined) return warn(context, "No Pre-Upgrade data to compare")
  for (const [name, text] of context.captures) {
    const previous = before.files.get(name)
    if (!name.endsWith(".txt") || previous === undefined) continue
    const [old, now] = [comparable(previous), comparable(text)]
    if (old === now) {
      info(context, `${name} has not changed`)
      continue
    }
    context.recorder.file(`${name}.diff`, context.diff(`pre-upgrade/${name}`, `post-upgrade/${name}`, old, now))
    info(context, `Saved ${name}.diff`)
  }
}
