import type { Privilege } from "@csm/core"

/** Who may call a route: the least privilege it needs, or anyone (no credentials at all). */
export type Access = Privilege | "anyone"

// API.md §1: each role may do what the one below it may, and more.
const rank: Record<Privilege, number> = { Viewer: 0, Operator: 1, "Network Admin": 2, Admin: 3 }

export const allows = (privilege: Privilege, least: Privilege): boolean => rank[privilege] >= rank[least]
