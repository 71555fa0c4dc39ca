import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { makeDeviceReader } from "./device-reader.ts"
import { makeMemoryRecorder } from "./testing/scripted-device.ts"

describe("device reader", () => {
  it("waits for a pattern that arrives later, and writes everything to the transcript", async () => {
    const recorder = makeMemoryRecorder()
    const reader = makeDeviceReader(recorder)
    const waiting = Effect.runPromise(reader.expect([/Password: /], 1000))
    reader.push("\r\nUsername: cisco\r\n")
    reader.push("Password: ")
    expect((await waiting).before).toBe("\nUsername: cisco\n")
    expect(recorder.transcriptText()).toBe("\nUsername: cisco\nPassword: ")
  })

  it("fails on timeout, and on the end once nothing left matches", async () => {
    const reader = makeDeviceReader(makeMemoryRecorder())
    expect(await Effect.runPromise(Effect.flip(reader.expect([/x/], 20)))).toMatchObject({ _tag: "ReadTimeout" })
    reader.push("last words")
    reader.end()
    expect((await Effect.runPromise(reader.expect([/last/], 20))).text).toBe("last")
    expect(await Effect.runPromise(Effect.flip(reader.expect([/more/], 1000)))).toMatchObject({ _tag: "ReadEnded" })
  })

  it("reads until quiet, and stops at its limit for a device that keeps talking", async () => {
    const reader = makeDeviceReader(makeMemoryRecorder())
    expect(await Effect.runPromise(reader.readUntilQuiet(20, 20, 1000))).toBe("")
    const chatter = setInterval(() => reader.push("log line\n"), 2)
    try {
      const text = await Effect.runPromise(reader.readUntilQuiet(50, 50, 100))
      expect(text).toContain("log line")
    } finally {
      clearInterval(chatter)
    }
  })
})
