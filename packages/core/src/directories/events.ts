import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import { IsoTime } from "../shared/time.ts"

/** A directory entry's sealed secrets: only a password, for jump hosts and server repositories. */
export const DirectorySecrets = Schema.Struct({ password: Schema.optionalKey(Schema.String) })
export type DirectorySecrets = typeof DirectorySecrets.Type

/**
 * The events of one directory kind, `<Tag>Defined`, `<Tag>Updated` (both carry the whole entry
 * after the change, so a projection replaces rather than merges) and `<Tag>Deleted`.
 */
export const directoryEvents = <Tag extends string, F>(tag: Tag, entry: Schema.Codec<F, unknown>) => {
  const types = {
    defined: `${tag}Defined` as `${Tag}Defined`,
    updated: `${tag}Updated` as `${Tag}Updated`,
    deleted: `${tag}Deleted` as `${Tag}Deleted`
  }
  const saved = { name: Schema.String, entry, secrets: DirectorySecrets, time: IsoTime, by: Schema.String }
  const Defined = Schema.TaggedStruct(types.defined, saved)
  const Updated = Schema.TaggedStruct(types.updated, saved)
  const Deleted = Schema.TaggedStruct(types.deleted, { name: Schema.String, time: IsoTime, by: Schema.String })
  const definitions = [
    { type: types.defined, schemaVersion: 1, schema: Defined },
    { type: types.updated, schemaVersion: 1, schema: Updated },
    { type: types.deleted, schemaVersion: 1, schema: Deleted }
  ] as const satisfies ReadonlyArray<EventDefinition>
  return { types, Defined, Updated, Deleted, definitions }
}

export type DirectoryEvents<Tag extends string, F> = ReturnType<typeof directoryEvents<Tag, F>>

export type DirectoryEvent<Tag extends string, F> =
  | DirectoryEvents<Tag, F>["Defined"]["Type"]
  | DirectoryEvents<Tag, F>["Updated"]["Type"]
  | DirectoryEvents<Tag, F>["Deleted"]["Type"]
