import { afterEach, describe, expect, it, vi } from "vitest"
import { makeTimers } from "./timers.ts"

afterEach(() => vi.useRealTimers())

describe("simulator timers", () => {
  it("scale simulated seconds by timeScale, and clearAll cancels what is pending", () => {
    vi.useFakeTimers()
    const timers = makeTimers(0.001)
    const fired: Array<string> = []
    timers.after(60, () => fired.push("add"))
    timers.after(80, () => fired.push("activate"))
    vi.advanceTimersByTime(60)
    expect(fired).toEqual(["add"])
    timers.clearAll()
    vi.advanceTimersByTime(1000)
    expect(fired).toEqual(["add"])
  })
})
