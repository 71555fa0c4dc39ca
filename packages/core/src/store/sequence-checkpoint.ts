import type { Checkpoint } from "./event-store.ts"
import { End, Start } from "./event-store.ts"

/**
 * Checkpoints of stores that number their global log with one sequence (in-memory, SQLite):
 * 20 zero-padded digits, so that string order is log order.
 */

export const sequenceCheckpoint = (sequence: number): Checkpoint => String(sequence).padStart(20, "0")

/** The sequence a checkpoint stands for; `end` is the current `head`. A foreign checkpoint is a bug. */
export const sequenceOf = (checkpoint: Checkpoint, head: number): number => {
  if (checkpoint === Start) return 0
  if (checkpoint === End) return head
  if (!/^\d{20}$/.test(checkpoint)) throw new Error(`${JSON.stringify(checkpoint)} is not a checkpoint of this store.`)
  return Number(checkpoint)
}
