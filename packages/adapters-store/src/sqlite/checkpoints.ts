import { Effect, Option, Result } from "effect"
import type { Checkpoint } from "@csm/core"
import { CheckpointMismatch } from "@csm/core"
import { attempt } from "./sqlite-failure.ts"
import type { Statements } from "./statements.ts"

/**
 * Consumer checkpoints with compare-and-set tokens: a save names the token it loaded (none for
 * the first) and each save issues the next one, so of two instances racing from the same token
 * exactly one wins. One statement each, so no transaction is needed.
 */
export const makeCheckpoints = ({ insertCheckpoint, loadCheckpoint, updateCheckpoint }: Statements) => ({
  load: (consumer: string) => attempt(() => Option.fromNullishOr(loadCheckpoint.get(consumer))),
  save: (consumer: string, checkpoint: Checkpoint, expectedToken: Option.Option<string>) =>
    Effect.flatMap(
      attempt(() => {
        const expected = Option.getOrUndefined(expectedToken)
        const token = String(Number(expected ?? 0) + 1)
        const saved = expected === undefined
          ? insertCheckpoint.run(consumer, checkpoint, token)
          : updateCheckpoint.run(checkpoint, token, consumer, expected)
        if (saved.changes === 1) return Result.succeed(token)
        const actual = loadCheckpoint.get(consumer)?.token
        return Result.fail(
          new CheckpointMismatch({
            consumer,
            ...(expected === undefined ? {} : { expected }),
            ...(actual === undefined ? {} : { actual })
          })
        )
      }),
      Effect.fromResult
    )
})
