import type { Schema } from "effect"

/**
 * How one domain event type is stored. A domain event is a plain object `{ _tag: type, ...fields }`
 * (a `Schema.TaggedStruct`); the store keeps `type` = `_tag`, `schemaVersion`, and `data` = the
 * encoded fields without `_tag`. All fields are JSON-safe: times are ISO-8601 UTC strings, absent
 * values are left out (never `undefined`).
 *
 * `schema` decodes the current version. When a type changes shape, its older versions stay
 * listed in `history` with the step that lifts each one to the next version (upcasting, STORE.md §6).
 */
export interface EventDefinition<E extends { readonly _tag: string } = { readonly _tag: string }> {
  readonly type: E["_tag"]
  readonly schemaVersion: number
  readonly schema: Schema.Codec<E, unknown>
  readonly history?: ReadonlyArray<{
    readonly schemaVersion: number
    readonly schema: Schema.Codec<unknown, unknown>
    /** Lifts data of this version to the data of `schemaVersion + 1` (fields only, no `_tag`). */
    readonly upcast: (data: unknown) => unknown
  }>
}
