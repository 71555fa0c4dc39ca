import { Clock, Effect, Predicate, Result } from "effect"
import type { Redacted } from "effect"
import type { Decider } from "../shared/decider.ts"
import { nameKey } from "../shared/names.ts"
import type { Rejected } from "../shared/rejected.ts"
import type { DecodedRow, Secrets } from "../shared/row.ts"
import { toIsoTime } from "../shared/time.ts"
import type { Metadata } from "./commit.ts"
import { commit, retryOnConflict } from "./commit.ts"
import type { StreamChange } from "./stream-change.ts"
import { decideOn } from "./stream-change.ts"

/** How one row of a bulk POST ended: `name` is what the row called itself, when it did. */
export interface RowOutcome {
  readonly name: string | undefined
  readonly failure: string | undefined
}

/** A validated row with its secrets sealed, the moment and the actor: what a Save command holds. */
export interface SealedRow<F, S extends string> {
  readonly name: string
  readonly changes: DecodedRow<F, S>["changes"]
  readonly secrets: Secrets<S, string | undefined>
  readonly time: string
  readonly by: string
}

export interface SaveRowsOptions<F, S extends string, C, E extends { readonly _tag: string }, State> {
  readonly nameKey: string
  readonly validate: (row: unknown) => Result.Result<DecodedRow<F, S>, Rejected>
  /** Seals (or hashes and seals) one secret value. */
  readonly seal: (plain: Redacted.Redacted<string>) => Effect.Effect<string>
  readonly command: (row: SealedRow<F, S>) => C
  readonly decider: Decider<C, E, State>
  readonly stream: (name: string) => string
}

/**
 * The bulk upsert every POST of users, hosts and directories shares: validate each row, seal its
 * secrets, decide it on its own stream, then append every accepted row in one atomic write. Rows
 * fail one by one (the 207 answer); a conflict with another writer re-decides the whole batch.
 */
export const saveRows = <F, S extends string, C, E extends { readonly _tag: string }, State>(
  options: SaveRowsOptions<F, S, C, E, State>,
  rows: ReadonlyArray<unknown>,
  actor: string
) => {
  const decideAll = Effect.gen(function*() {
    const time = toIsoTime(yield* Clock.currentTimeMillis)
    const outcomes: Array<RowOutcome> = []
    const changes: Array<StreamChange> = []
    const seen = new Set<string>()
    for (const row of rows) {
      const validated = options.validate(row)
      if (Result.isFailure(validated)) {
        outcomes.push({ name: nameOf(row, options.nameKey), failure: validated.failure.message })
        continue
      }
      const { name, changes: rowChanges } = validated.success
      if (seen.has(nameKey(name))) {
        outcomes.push({ name, failure: `More than one entry with the name '${name}'. Remove any duplicate and resubmit.` })
        continue
      }
      seen.add(nameKey(name))
      const secrets = yield* sealAll(validated.success.secrets, options.seal)
      const command = options.command({ name, changes: rowChanges, secrets, time, by: actor })
      const decided = yield* decideOn(options.decider, options.stream(name), command)
      if (Result.isFailure(decided)) outcomes.push({ name, failure: decided.failure.message })
      else {
        changes.push(decided.success)
        outcomes.push({ name, failure: undefined })
      }
    }
    yield* commit(changes, { actor } satisfies Metadata)
    return outcomes
  })
  return retryOnConflict(decideAll)
}

const nameOf = (row: unknown, key: string): string | undefined =>
  Predicate.isObject(row) && typeof (row as Record<string, unknown>)[key] === "string"
    ? (row as Record<string, string>)[key]
    : undefined

const sealAll = <S extends string>(
  secrets: Secrets<S, Redacted.Redacted<string> | undefined>,
  seal: (plain: Redacted.Redacted<string>) => Effect.Effect<string>
) =>
  Effect.gen(function*() {
    const sealed: Record<string, string | undefined> = {}
    for (const [key, value] of Object.entries<Redacted.Redacted<string> | undefined>(secrets)) {
      sealed[key] = value === undefined ? undefined : yield* seal(value)
    }
    return sealed as Secrets<S, string | undefined>
  })
