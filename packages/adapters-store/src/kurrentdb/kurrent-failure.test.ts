import { DeadlineExceededError, MaxAppendSizeExceededError, StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from "@kurrent/kurrentdb-client"
import { Cause, Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { classify, readFailure, unavailableOrDie } from "./kurrent-failure.ts"

/** A gRPC error as the client sometimes passes it through on appends. */
const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code })

describe("KurrentDB client errors", () => {
  it("are conflicts with the stream's true state", () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: "host-r1", expected: "no_stream", current: 2n })
    expect(classify(error)).toEqual({ _tag: "WrongExpectedVersion", stream: "host-r1", actual: 2n })
  })

  it("tell a missing stream and a batch too large for the server", () => {
    expect(classify(new StreamNotFoundError(undefined, "x"))._tag).toBe("StreamNotFound")
    expect(classify(MaxAppendSizeExceededError.fromMaxAppendSize(1024))._tag).toBe("TooLarge")
  })

  it("are unavailability for UNAVAILABLE and deadlines, converted or raw", () => {
    expect(classify(new UnavailableError())).toEqual({ _tag: "Unavailable", reached: true })
    expect(classify(new DeadlineExceededError())).toEqual({ _tag: "Unavailable", reached: true })
    expect(classify(grpcError(4, "4 DEADLINE_EXCEEDED: Deadline exceeded"))).toEqual({ _tag: "Unavailable", reached: true })
    expect(classify(new Error("Failed to discover after 10 attempts."))).toEqual({ _tag: "Unavailable", reached: false })
  })

  it("know when no connection was ever made", () => {
    const refused = grpcError(14, "14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1.")
    expect(classify(refused)).toEqual({ _tag: "Unavailable", reached: false })
  })

  it("are bugs otherwise", () => {
    expect(classify(grpcError(3, "3 INVALID_ARGUMENT: bad"))._tag).toBe("Other")
    expect(classify(new TypeError("x is undefined"))._tag).toBe("Other")
    expect(classify("not an error")._tag).toBe("Other")
  })

  it("give StoreUnavailable with an unknown outcome only for a sent append that reached the server", async () => {
    const outcome = async (error: Error, sent: boolean) => {
      const exit = await Effect.runPromiseExit(unavailableOrDie(error, classify(error), sent))
      return Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : undefined
    }
    const lost = await outcome(new UnavailableError(), true)
    const refused = await outcome(grpcError(14, "No connection established"), true)
    const read = await outcome(new UnavailableError(), false)
    expect([lost, refused, read].map((failure) => failure?._tag === "Some" ? failure.value.outcome : failure))
      .toEqual(["unknown", "not-written", "not-written"])
  })

  it("make other read failures defects", async () => {
    const exit = await Effect.runPromiseExit(readFailure(new TypeError("boom")))
    expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(true)
  })
})
