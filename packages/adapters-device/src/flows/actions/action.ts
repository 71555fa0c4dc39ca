import type { Effect } from "effect"
import type { HostPackages } from "@csm/core"
import type { FlowContext, JobFailed } from "../flow-context.ts"

/** What an action hands back when it completes: `package_change_list`, and the refreshed package tables. */
export interface ActionResult {
  readonly packageChanges: ReadonlyArray<string>
  readonly packages?: HostPackages
}

/** An install action: its fixed step list (DEVICE.md §6.1) over one connected device. */
export type Action = (context: FlowContext) => Effect.Effect<ActionResult, JobFailed>

/** Names in `after` that are not in `before` (device names, without their location). */
export const added = (before: ReadonlyArray<string>, after: ReadonlyArray<string>): ReadonlyArray<string> =>
  after.filter((name) => !before.includes(name))
