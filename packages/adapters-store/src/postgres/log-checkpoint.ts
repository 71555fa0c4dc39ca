import type { Checkpoint } from "@csm/core"
import { Start } from "@csm/core"

/**
 * Checkpoints of the PostgreSQL log (STORE.md §1, §3.2): `<transaction id>:<position>`, each
 * 20 zero-padded digits, so that string order is the log's `(tx_id, position)` order. Both stay
 * decimal strings: xids and positions are 64-bit.
 */

export interface LogPosition {
  readonly txId: string
  readonly position: string
}

const pad = (digits: string) => digits.padStart(20, "0")

export const logCheckpoint = ({ position, txId }: LogPosition): Checkpoint => `${pad(txId)}:${pad(position)}`

/** The position a checkpoint stands for; `start` is before everything. A foreign checkpoint is a bug. */
export const logPositionOf = (checkpoint: Checkpoint): LogPosition => {
  if (checkpoint === Start) return { txId: "0", position: "0" }
  const match = /^(\d{20}):(\d{20})$/.exec(checkpoint)
  if (!match) throw new Error(`${JSON.stringify(checkpoint)} is not a checkpoint of this PostgreSQL store.`)
  // Unpadded: PostgreSQL reads an xid with a leading zero as octal.
  return { txId: BigInt(match[1]).toString(), position: BigInt(match[2]).toString() }
}
