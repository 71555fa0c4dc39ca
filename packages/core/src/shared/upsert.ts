import { Equal, Result } from "effect"
import { reject } from "./rejected.ts"
import type { Rejected } from "./rejected.ts"
import { missingKeysMessage } from "./row.ts"
import type { Changes, Secrets } from "./row.ts"

/**
 * Create-or-update as the bulk POST routes do it: a new entry needs its required keys; for an
 * existing one, absent keys keep their value and blank ones are cleared. Shared by users,
 * hosts and the directories.
 */

/** An entry as stored: its values and its sealed secrets. */
export interface Stored<F, S extends string> {
  readonly entry: F
  readonly secrets: Secrets<S, string>
}

export interface UpsertRules<F, S extends string> {
  readonly required: ReadonlyArray<string>
  /** Refuses or trims the merged entry, given the keys the row set (a server repository's keys depend on its type). */
  readonly restrict?: (merged: Stored<F, S>, given: ReadonlyArray<string>) => Result.Result<Stored<F, S>, Rejected>
}

/** A stream's current entry, under the name it was first given. */
export type Current<F, S extends string> = { readonly name: string; readonly stored: Stored<F, S> } | undefined

/** A create-or-update command: a validated row, sealed, with its time and actor. */
export interface Save<F, S extends string> {
  readonly name: string
  readonly changes: Changes<F>
  readonly secrets: Secrets<S, string | undefined>
  readonly time: string
  readonly by: string
}

/** What the created or updated event records: the whole entry after the change. */
export interface Saved<F, S extends string> extends Stored<F, S> {
  readonly name: string
  readonly time: string
  readonly by: string
}

/** The event of a new or changed entry; none when the command changes nothing. */
export const upsert = <F, S extends string, Created, Updated>(
  rules: UpsertRules<F, S>,
  current: Current<F, S>,
  command: Save<F, S>,
  record: { readonly created: (saved: Saved<F, S>) => Created; readonly updated: (saved: Saved<F, S>) => Updated }
): Result.Result<ReadonlyArray<Created | Updated>, Rejected> => {
  const entry = apply(current?.stored.entry ?? {}, command.changes)
  const sealed = apply(current?.stored.secrets ?? {}, command.secrets)
  // Rows never clear a required key, but a new entry may lack one.
  const missing = rules.required.filter((key) => !Object.hasOwn(entry, key) && !Object.hasOwn(sealed, key))
  if (missing.length > 0) return reject(missingKeysMessage(missing))
  // The check above makes the merged values a whole entry.
  const merged = { entry: entry as F, secrets: sealed as Secrets<S, string> }
  const given = Object.entries({ ...command.changes, ...command.secrets })
    .flatMap(([key, value]) => (value === undefined ? [] : [key]))
  return Result.map(rules.restrict?.(merged, given) ?? Result.succeed(merged), (stored) => {
    const { time, by } = command
    if (current === undefined) return [record.created({ name: command.name, ...stored, time, by })]
    return Equal.equals(stored, current.stored) ? [] : [record.updated({ name: current.name, ...stored, time, by })]
  })
}

const apply = (base: object, changes: object): Record<string, unknown> => {
  const next: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key]
    else next[key] = value
  }
  return next
}
