import { Result } from "effect"
import type { Projection } from "../shared/projection.ts"
import { byName, nameKey } from "../shared/names.ts"
import { reject } from "../shared/rejected.ts"
import type { Rejected } from "../shared/rejected.ts"
import type { DirectoryEvent } from "./events.ts"
import type { DirectoryKind } from "./kind.ts"
import type { Stored } from "../shared/upsert.ts"
import type { NameLookup } from "../shared/name-lookup.ts"

/** Every entry of one kind, by name key. */
export type DirectoryReadModel<F> = Map<string, DirectoryRecord<F>>

export interface DirectoryRecord<F> extends Stored<F, "password"> {
  readonly name: string
}

/** A GET row: the name under the kind's name key, the stored values, and `password_set` instead of the password. */
export type DirectoryRow = Readonly<Record<string, unknown>>

export const directoryProjection = <Tag extends string, F>(): Projection<DirectoryReadModel<F>, DirectoryEvent<Tag, F>> => ({
  init: () => new Map(),
  apply: (state, event) => {
    // Defined and Updated carry the whole entry; Deleted does not.
    if ("entry" in event) state.set(nameKey(event.name), { name: event.name, entry: event.entry, secrets: event.secrets })
    else state.delete(nameKey(event.name))
  }
})

export const findEntry = <F>(state: DirectoryReadModel<F>, name: string): DirectoryRecord<F> | undefined =>
  state.get(nameKey(name))

export const nameLookup = <F>(state: DirectoryReadModel<F>): NameLookup => ({
  canonical: (name) => findEntry(state, name)?.name
})

/** The GET rows, by name; with a name filter, that entry or `Unknown <kind> '<name>'.` */
export const listEntries = <Tag extends string, F, V>(
  kind: DirectoryKind<Tag, F, V>,
  state: DirectoryReadModel<F>,
  name?: string
): Result.Result<ReadonlyArray<DirectoryRow>, Rejected> => {
  const rows = (records: ReadonlyArray<DirectoryRecord<F>>) => records.map((record) => toRow(kind.row.nameKey, record))
  if (name === undefined) return Result.succeed(rows([...state.values()].sort(byName)))
  const record = findEntry(state, name)
  return record === undefined ? reject(`Unknown ${kind.label} '${name}'.`) : Result.succeed(rows([record]))
}

const toRow = <F>(nameKeyOfKind: string, record: DirectoryRecord<F>): DirectoryRow => ({
  [nameKeyOfKind]: record.name,
  ...record.entry,
  ...(record.secrets.password !== undefined && { password_set: true })
})
