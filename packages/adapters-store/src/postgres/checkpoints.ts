import { Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { Checkpoint } from "@csm/core"
import { CheckpointMismatch } from "@csm/core"
import { attempt } from "./postgres-failure.ts"

/**
 * Consumer checkpoints with compare-and-set tokens: a save names the token it loaded (none for
 * the first) and each save issues the next one, so of two instances racing from the same token
 * exactly one wins. One statement each, so no transaction is needed.
 */
export const makeCheckpoints = (sql: SqlClient) => {
  const load = (consumer: string) =>
    Effect.map(
      attempt(sql.unsafe("SELECT checkpoint, token::text FROM checkpoints WHERE consumer = $1", [consumer]).values),
      (rows) => Option.map(Option.fromNullishOr(rows[0]), ([checkpoint, token]) => ({ checkpoint: String(checkpoint), token: String(token) }))
    )

  const save = (consumer: string, checkpoint: Checkpoint, expectedToken: Option.Option<string>) =>
    Effect.gen(function*() {
      const expected = Option.getOrUndefined(expectedToken)
      const saved = yield* attempt(
        expected === undefined
          ? sql.unsafe(
            `INSERT INTO checkpoints (consumer, checkpoint, token) VALUES ($1, $2, 1)
             ON CONFLICT (consumer) DO NOTHING RETURNING token::text`,
            [consumer, checkpoint]
          ).values
          : sql.unsafe(
            `UPDATE checkpoints SET checkpoint = $2, token = token + 1
             WHERE consumer = $1 AND token::text = $3 RETURNING token::text`,
            [consumer, checkpoint, expected]
          ).values,
        "unknown"
      )
      if (saved.length === 1) return String(saved[0][0])
      const actual = Option.getOrUndefined(yield* load(consumer))?.token
      return yield* Effect.fail(
        new CheckpointMismatch({
          consumer,
          ...(expected === undefined ? {} : { expected }),
          ...(actual === undefined ? {} : { actual })
        })
      )
    })

  return { load, save }
}
