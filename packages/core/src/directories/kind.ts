import type { Result, Schema } from "effect"
import type { Rejected } from "../shared/rejected.ts"
import type { Changes, RowSpec } from "../shared/row.ts"
import type { UpsertRules } from "../shared/upsert.ts"

/**
 * What one kind of directory entry (region, jump host, server repository, command profile)
 * tells the generic directory: its names, keys and rules. `V` is what its rows need to see of
 * other aggregates (`void` when nothing).
 */
export interface DirectoryKind<Tag extends string, F, V = void> {
  /** Prefix of the event types: `RegionDefined`, ... */
  readonly tag: Tag
  /** The kind in messages: "jump host". */
  readonly label: string
  /** The stream category: entries live in `<category>-<name key>`. */
  readonly category: string
  /** The key of the GET answer's list: "jump_host_list". */
  readonly listKey: string
  readonly row: RowSpec<F, "password">
  /** The stored form of an entry. */
  readonly entry: Schema.Codec<F, unknown>
  readonly restrict?: UpsertRules<F, "password">["restrict"]
  /** Checks the names a row refers to and spells them as stored. */
  readonly resolve?: (changes: Changes<F>, views: V) => Result.Result<Changes<F>, Rejected>
}
