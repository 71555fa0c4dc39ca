import { Option } from "effect"
import { describe, expect, it } from "vitest"
import { checkpointStreamOf, expectedStateOf, tokenOf } from "./kurrent-checkpoints.ts"

describe("KurrentDB consumer checkpoints", () => {
  it("live in stream checkpoint-<consumer>", () => {
    expect(checkpointStreamOf("read-models")).toBe("checkpoint-read-models")
  })

  it("send the loaded token as the expected revision, and no token as no_stream", () => {
    expect([expectedStateOf(Option.none()), expectedStateOf(Option.some("0")), expectedStateOf(Option.some("41"))])
      .toEqual(["no_stream", 0n, 41n])
  })

  it("cannot expect a token that is not a revision", () => {
    expect([expectedStateOf(Option.some("")), expectedStateOf(Option.some("-1")), expectedStateOf(Option.some("1e3"))])
      .toEqual([undefined, undefined, undefined])
  })

  it("read the token from a stream's state, none while it has no checkpoint", () => {
    expect([tokenOf("no_stream"), tokenOf(-5n), tokenOf(0n), tokenOf(12n)]).toEqual([undefined, undefined, "0", "12"])
  })
})
