import { START } from "@kurrent/kurrentdb-client"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkpointOf, isAfter, logCheckpoint, logStartOf } from "./log-position.ts"

const position = fc.record({ commit: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), prepare: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) })

describe("KurrentDB checkpoints", () => {
  it("write a position as 20-digit commit and prepare, and read it back", () => {
    expect(logCheckpoint({ commit: 1234n, prepare: 1200n })).toBe("00000000000000001234:00000000000000001200")
    fc.assert(fc.property(position, (p) => {
      expect(logStartOf(logCheckpoint(p))).toEqual(p)
    }))
  })

  it("compare as plain strings in log order", () => {
    fc.assert(fc.property(position, position, (a, b) => (logCheckpoint(a) < logCheckpoint(b)) === isAfter(b, a)))
  })

  it("read `start` as the log's start, before every position", () => {
    expect(logStartOf("start")).toBe(START)
    expect(checkpointOf(START)).toBe("start")
    expect(isAfter({ commit: 0n, prepare: 0n }, START)).toBe(true)
  })

  it("refuse `end` and foreign checkpoints", () => {
    expect(() => logStartOf("end")).toThrow(/resolved to the log's head/)
    expect(() => logStartOf("00000000000000000042")).toThrow(/not a checkpoint of this KurrentDB store/)
  })
})
