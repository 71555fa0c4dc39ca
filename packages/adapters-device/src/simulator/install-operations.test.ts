import { afterEach, describe, expect, it } from "vitest"
import { makeInstallEngine } from "./install-operations.ts"
import { makeExrInstallText } from "./outputs/exr-install-text.ts"
import { resolveRouterConfig } from "./presets.ts"
import { makeTimers } from "./timers.ts"

const timers = makeTimers(1)
afterEach(() => timers.clearAll())

/** The engine on a hand-moved clock: progress follows ⌊elapsed ÷ duration × 10⌋ × 10, at most 90. */
const engineAt = () => {
  let now = new Date("2017-03-07T10:15:00Z")
  const clock = { now: () => now }
  const engine = makeInstallEngine({
    config: resolveRouterConfig({ flavour: "exr", progressMode: "time" }),
    text: makeExrInstallText(clock),
    clock,
    timers,
    faults: () => ({}),
    reloader: { start: () => undefined },
    recordSyslog: () => undefined
  })
  return { engine, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) }
}

describe("install engine", () => {
  it("computes progress from the clock in steps of 10, never above 90", () => {
    const { engine, advance } = engineAt()
    const op = engine.begin({ action: "add", command: "install add source tftp://h/d f.rpm", user: "cisco", packages: [], owner: undefined })
    engine.launch(op)
    expect(engine.progressOf(op)).toBe(0)
    advance(5.9)
    expect(engine.progressOf(op)).toBe(0)
    advance(0.1)
    expect(engine.progressOf(op)).toBe(10)
    advance(26)
    expect(engine.progressOf(op)).toBe(50)
    expect(engine.request()).toEqual([`The install add operation ${op.id} is 50% complete`])
    advance(600)
    expect(engine.progressOf(op)).toBe(90)
  })

  it("takes increasing ids, refusals included, and keeps each operation's log", () => {
    const { engine } = engineAt()
    const first = engine.begin({ action: "commit", command: "install commit", user: "cisco", packages: [], owner: undefined })
    engine.refuse(first, ["no"])
    const second = engine.begin({ action: "commit", command: "install commit", user: "cisco", packages: [], owner: undefined })
    expect(second.id).toBe(first.id + 1)
    expect(engine.text.log(first, true).at(-1)).toBe("Mar 07 10:15:00 Install operation 1 aborted")
    expect(engine.operations().map((op) => op.state)).toEqual(["failed", "waiting"])
  })
})
