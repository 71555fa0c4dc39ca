import { describe, expect, it } from "vitest"
import { ExpectedVersion } from "@csm/core"
import { revisionOf, streamStateOf, versionOf, versionOfState } from "./stream-revision.ts"

describe("KurrentDB revisions", () => {
  it("are versions minus one", () => {
    expect([versionOf(0n), versionOf(41n), revisionOf(1), revisionOf(42)]).toEqual([1, 42, 0n, 41n])
  })

  it("give each expectation its stream state", () => {
    expect([
      streamStateOf(ExpectedVersion.NoStream),
      streamStateOf(ExpectedVersion.StreamExists),
      streamStateOf(ExpectedVersion.Any),
      streamStateOf(ExpectedVersion.Exact(0)),
      streamStateOf(ExpectedVersion.Exact(1)),
      streamStateOf(ExpectedVersion.Exact(10))
    ]).toEqual(["no_stream", "stream_exists", "any", "no_stream", 0n, 9n])
  })

  it("read a conflict's actual state as a version, a missing or deleted stream as 0", () => {
    expect([versionOfState("no_stream"), versionOfState(0n), versionOfState(6n), versionOfState(-5n)]).toEqual([0, 1, 7, 0])
  })
})
