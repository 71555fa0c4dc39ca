import { Effect } from "effect"
import type { HostPackages } from "@csm/core"
import { info, onAdminPlane, send } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf } from "../flow-context.ts"
import { parseClassicSummary, parseExrPackages, parseInventory, withoutLocation } from "../package-state.ts"

/** The device's package lists by state, as it names them (`disk0:` included on classic; both VMs merged on eXR). */
export interface PackageLists {
  readonly active: ReadonlyArray<string>
  readonly inactive: ReadonlyArray<string>
  readonly committed: ReadonlyArray<string>
}

const states = ["inactive", "active", "committed"] as const

const merge = (a: PackageLists, b: PackageLists): PackageLists => ({
  active: [...new Set([...a.active, ...b.active])],
  inactive: [...new Set([...a.inactive, ...b.inactive])],
  committed: [...new Set([...a.committed, ...b.committed])]
})

const exrLists = (context: FlowContext) =>
  Effect.gen(function*() {
    const lists: Record<string, ReadonlyArray<string>> = {}
    for (const state of states) lists[state] = parseExrPackages(yield* send(context, `show install ${state}`)).names
    return { active: lists.active ?? [], inactive: lists.inactive ?? [], committed: lists.committed ?? [] }
  })

/** Classic `admin show install <state> summary`; eXR `show install <state>` on the admin VM, then on XR. */
export const readPackageLists = (context: FlowContext) =>
  Effect.gen(function*() {
    if (osOf(context) === "eXR") return merge(yield* onAdminPlane(context, exrLists(context)), yield* exrLists(context))
    const lists: Record<string, ReadonlyArray<string>> = {}
    for (const state of states) lists[state] = parseClassicSummary(yield* send(context, `admin show install ${state} summary`))
    return { active: lists.active ?? [], inactive: lists.inactive ?? [], committed: lists.committed ?? [] }
  })

const readInventory = (context: FlowContext) =>
  Effect.gen(function*() {
    const output = osOf(context) === "eXR"
      ? `${yield* onAdminPlane(context, send(context, "show inventory"))}\n${yield* send(context, "show inventory")}`
      : yield* send(context, "admin show inventory")
    for (const item of parseInventory(output)) info(context, `Inventory: ${item.name} PID ${item.pid} SN ${item.serial}`)
  })

/** Refresh (DEVICE.md §6.7): the host's package tables, names without their location, and the inventory in the log. */
export const refresh = (context: FlowContext) =>
  Effect.gen(function*() {
    const lists = yield* readPackageLists(context)
    yield* readInventory(context)
    const packages: HostPackages = {
      active: lists.active.map(withoutLocation),
      inactive: lists.inactive.map(withoutLocation),
      committed: lists.committed.map(withoutLocation)
    }
    return packages
  })
