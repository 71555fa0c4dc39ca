import { Result } from "effect"
import { nameKey } from "../shared/names.ts"
import type { Rejected } from "../shared/rejected.ts"
import { directoryDecider } from "./decider.ts"
import { directoryEvents } from "./events.ts"
import type { DirectoryKind } from "./kind.ts"
import { directoryProjection } from "./projection.ts"
import { decodeRow } from "../shared/row.ts"
import type { DecodedRow } from "../shared/row.ts"

/**
 * One kind of directory entry, whole: its rules, events, decider, projection and row validator.
 * Regions, jump hosts, server repositories and command profiles are each one call of this.
 */
export const defineDirectory = <Tag extends string, F, V = void>(kind: DirectoryKind<Tag, F, V>) => {
  const events = directoryEvents(kind.tag, kind.entry)
  return {
    ...kind,
    events,
    definitions: events.definitions,
    stream: (name: string): string => `${kind.category}-${nameKey(name)}`,
    decider: directoryDecider(kind, events),
    projection: directoryProjection<Tag, F>(),
    /** Reads one raw JSON row of the POST, with the names it refers to checked and spelled as stored. */
    validate: (row: unknown, views: V): Result.Result<DecodedRow<F, "password">, Rejected> =>
      Result.flatMap(decodeRow(kind.row, row), (decoded) =>
        kind.resolve === undefined
          ? Result.succeed(decoded)
          : Result.map(kind.resolve(decoded.changes, views), (changes) => ({ ...decoded, changes })))
  }
}

export type Directory<Tag extends string, F, V = void> = ReturnType<typeof defineDirectory<Tag, F, V>>
