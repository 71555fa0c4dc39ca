import { Result } from "effect"
import { decodeRow } from "../shared/row.ts"
import type { DecodedRow } from "../shared/row.ts"
import type { NameLookup } from "../shared/name-lookup.ts"
import { existing } from "../shared/name-lookup.ts"
import type { Rejected } from "../shared/rejected.ts"
import { hostRowSpec } from "./host-entry.ts"
import type { HostEntry, HostSecretKey } from "./host-entry.ts"

/** What a host row refers to, from the directories' read models. */
export interface HostViews {
  readonly regions: NameLookup
  readonly jumpHosts: NameLookup
}

/**
 * Reads one raw JSON row of POST /api/v1/hosts: its keys and values, and the region and jump
 * host it names, which must exist and are spelled as stored.
 */
export const validateHostRow = (
  row: unknown,
  views: HostViews
): Result.Result<DecodedRow<HostEntry, HostSecretKey>, Rejected> =>
  Result.gen(function*() {
    const decoded = yield* decodeRow(hostRowSpec, row)
    const { region, jump_host } = decoded.changes
    const changes = {
      ...decoded.changes,
      ...(region !== undefined && { region: yield* existing(views.regions, "Region", region) }),
      ...(jump_host !== undefined && { jump_host: yield* existing(views.jumpHosts, "Jump host", jump_host) })
    }
    return { ...decoded, changes }
  })

