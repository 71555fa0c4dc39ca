import { describe, expect, it } from "vitest"
import { Start } from "@csm/core"
import { logCheckpoint, logPositionOf } from "./log-checkpoint.ts"

describe("PostgreSQL log checkpoints", () => {
  it("compare as strings in (transaction id, position) order", () => {
    const positions = [
      { txId: "9", position: "12" },
      { txId: "10", position: "3" },
      { txId: "10", position: "11" },
      { txId: "18446744073709551615", position: "1" }
    ]
    const checkpoints = positions.map(logCheckpoint)
    expect([...checkpoints].sort()).toEqual(checkpoints)
    expect(checkpoints[0]).toBe("00000000000000000009:00000000000000000012")
  })

  it("read back without leading zeros, which PostgreSQL would take for octal", () => {
    expect(logPositionOf("00000000000000000893:00000000000000000007")).toEqual({ txId: "893", position: "7" })
    expect(logPositionOf(Start)).toEqual({ txId: "0", position: "0" })
  })

  it("refuse a checkpoint of another store", () => {
    expect(() => logPositionOf("00000000000000000007")).toThrow(/not a checkpoint of this PostgreSQL store/)
  })
})
