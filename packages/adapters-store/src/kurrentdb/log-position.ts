import { START } from "@kurrent/kurrentdb-client"
import type { Position } from "@kurrent/kurrentdb-client"
import type { Checkpoint } from "@csm/core"
import { End, Start } from "@csm/core"

/**
 * Checkpoints of the KurrentDB log (STORE.md §1, §3.3): the `$all` position as
 * `<commit>:<prepare>`, each 20 zero-padded decimal digits, so that plain string order is log
 * order. Both stay bigints: positions are 64-bit.
 */

const pad = (value: bigint) => value.toString(10).padStart(20, "0")

export const logCheckpoint = ({ commit, prepare }: Position): Checkpoint => `${pad(commit)}:${pad(prepare)}`

/** Where a read starts, exclusive: before everything, or after a position. */
export type LogStart = typeof START | Position

/** The position a checkpoint stands for. `end` needs the log's head, so callers resolve it first; a foreign checkpoint is a bug. */
export const logStartOf = (checkpoint: Checkpoint): LogStart => {
  if (checkpoint === Start) return START
  const match = /^(\d{20}):(\d{20})$/.exec(checkpoint)
  if (!match) {
    const why = checkpoint === End ? "`end` must be resolved to the log's head first" : "it is not a checkpoint of this KurrentDB store"
    throw new Error(`${JSON.stringify(checkpoint)} cannot start a read: ${why}.`)
  }
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) }
}

/** The checkpoint of a read's start. */
export const checkpointOf = (start: LogStart): Checkpoint => start === START ? Start : logCheckpoint(start)

/** Whether `position` lies strictly after `start` in the log. */
export const isAfter = (position: Position, start: LogStart): boolean =>
  start === START ||
  position.commit > start.commit ||
  (position.commit === start.commit && position.prepare > start.prepare)
