import { Effect } from "effect"
import type { DeviceUpdate } from "@csm/core"
import { describe, expect, it } from "vitest"
import { logDirectoryName } from "./log-directory.ts"
import { makeRedactor } from "./redaction.ts"
import { makeStreamingRecorder } from "./streaming-recorder.ts"

const recorder = () => {
  const updates: Array<DeviceUpdate> = []
  const redactor = makeRedactor()
  const made = makeStreamingRecorder({
    directory: "PE1-2017_03_07_10_15_02-134",
    redactor,
    report: (update) => Effect.sync(() => updates.push(update)),
    now: () => new Date("2017-03-07T10:15:03.000Z")
  })
  const text = (file: string) =>
    updates.filter((update) => update._tag === "Log" && update.file === `PE1-2017_03_07_10_15_02-134/${file}`)
      .map((update) => update._tag === "Log" ? update.text : "").join("")
  return { made, updates, redactor, text }
}

describe("redaction (DEVICE.md §7)", () => {
  it("hides URL credentials, scp credentials and every known secret", () => {
    const redactor = makeRedactor()
    redactor.add("s3cret-pass")
    redactor.add("abc")
    expect(redactor.redact("admin install add source ftp://u:p@10.1.1.1;VRF/dir a.pie async"))
      .toBe("admin install add source ftp://u:***@10.1.1.1;VRF/dir a.pie async")
    expect(redactor.redact("sftp://root:x@host/ and scp://a:b@c")).toBe("sftp://root:***@host/ and scp://a:***@c")
    expect(redactor.redact("scp root:hunter2@10.1.1.1:/x disk0:")).toBe("scp root:***@10.1.1.1:/x disk0:")
    expect(redactor.redact("the password is s3cret-pass, abc stays")).toBe("the password is ***, abc stays")
  })
})

describe("the streaming recorder", () => {
  it("names the log directory from the host, the UTC start and the job id", () => {
    expect(logDirectoryName("PE1", "2017-03-07T10:15:02.345Z", 134)).toBe("PE1-2017_03_07_10_15_02-134")
  })

  it("sends the transcript in whole lines without \\r, then the rest at the end", async () => {
    const { made, text } = recorder()
    made.transcript("RP/0/RSP0/CPU0:PE1#show ver\r\nCisco IOS XR\r\nRP/0/RSP0/CPU0:PE1#")
    await Effect.runPromise(made.flush)
    expect(text("session.log")).toBe("RP/0/RSP0/CPU0:PE1#show ver\nCisco IOS XR\n")
    await Effect.runPromise(made.finish)
    expect(text("session.log")).toBe("RP/0/RSP0/CPU0:PE1#show ver\nCisco IOS XR\nRP/0/RSP0/CPU0:PE1#")
  })

  it("writes steps.log lines and captured files, redacted", async () => {
    const { made, text } = recorder()
    made.secret("topsecret")
    made.step("INFO", "Install Add", "Sending 'admin install add source ftp://u:topsecret@h/d a.pie async'")
    made.file("show-running-config.txt", "username cisco password topsecret\n")
    await Effect.runPromise(made.flush)
    expect(text("steps.log")).toBe("2017-03-07T10:15:03.000Z INFO [Install Add] Sending 'admin install add source ftp://u:***@h/d a.pie async'\n")
    expect(text("show-running-config.txt")).toBe("username cisco password ***\n")
  })

  it("never splits a secret across two chunks", async () => {
    const { made, text } = recorder()
    made.secret("topsecret")
    made.transcript("Password: top")
    await Effect.runPromise(made.flush)
    made.transcript("secret\n")
    await Effect.runPromise(made.finish)
    expect(text("session.log")).toBe("Password: ***\n")
  })
})
