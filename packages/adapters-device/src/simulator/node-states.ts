import type { NodeRow } from "./outputs/hardware-text.ts"
import type { RouterRuntime } from "./runtime.ts"

/**
 * Each node's role and state for `show platform` (DEVICE.md §9.2, §9.4): CPU nodes other than the
 * active RSP show `BOOTING` while the router boots; fault `nodeStates` overrides any of them.
 */
export const nodeRows = (router: RouterRuntime): ReadonlyArray<NodeRow> =>
  router.config.nodes.map((node) => {
    const slot = /RSP(\d)/.exec(node.name)?.[1]
    const role = node.kind === "RP" ? (Number(slot) === router.boot.activeRsp ? "Active" : "Standby") : undefined
    const booting = router.boot.phase !== "up" && (node.kind === "RP" || node.kind === "LC") && role !== "Active"
    const normal = node.kind === "FAN" || node.kind === "PEM" ? "OPERATIONAL" : "IOS XR RUN"
    return { node, role, state: router.faults().nodeStates?.[node.name] ?? (booting ? "BOOTING" : normal) }
  })
