import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { fakeContext } from "../testing/fake-context.ts"
import { scriptedSession } from "../testing/scripted-session.ts"
import { postUpgrade } from "./post-upgrade.ts"

const platform = [
  "Node            Type                      State            Config State",
  "-----------------------------------------------------------------------------",
  "0/RSP0/CPU0     A9K-RSP440-SE(Active)     IOS XR RUN       PWR,NSHUT,MON"
].join("\n")
const isis = (up: number) =>
  `IS-IS CORE neighbor summary:\nState         L1       L2     L1L2\nUp             0        ${up}        0\nInit           0        0        0\nFailed         0        0        0`

const router = (config: string, up: number) =>
  scriptedSession({
    answer: (command) =>
      ({
        "show running-config": `Tue Mar  7 10:40:02.123 UTC\n${config}`,
        "admin show platform": platform,
        "show isis neighbor summary": isis(up),
        "show logging last 500": "RP/0/RSP0/CPU0:Mar  7 10:21:30.123 : bgp[1052]: %ROUTING-BGP-3-ERROR : session down",
        "show configuration failed startup": ""
      })[command] ?? ""
  })

describe("Post-Upgrade (DEVICE.md §6.1, §6.2, §6.7)", () => {
  it("compares with the last Pre-Upgrade: ISIS counts, error lines, and a diff per changed capture", async () => {
    const files = new Map([
      ["show-running-config.txt", "Tue Mar  7 10:15:02.123 UTC\nhostname PE1\n"],
      ["show-isis-neighbor-summary.txt", isis(4)]
    ])
    const context = fakeContext("XR", [router("hostname PE2\n", 3)], {
      lastPreUpgrade: { completedAt: 0, files },
      now: () => 60_000
    })
    await Effect.runPromise(postUpgrade(context))
    expect(context.warnings).toEqual([
      "WARNING: [ISIS Neighbor Check] IS-IS CORE Up L2 neighbors changed from 4 to 3",
      "WARNING: [Core Error Check] RP/0/RSP0/CPU0:Mar  7 10:21:30.123 : bgp[1052]: %ROUTING-BGP-3-ERROR : session down"
    ])
    expect(context.files.get("show-running-config.txt.diff"))
      .toBe("--- pre-upgrade/show-running-config.txt\n+++ post-upgrade/show-running-config.txt\n-hostname PE1\n\n+hostname PE2\n\n")
    expect(context.files.has("show-isis-neighbor-summary.txt.diff")).toBe(true)
    expect(context.files.has("show-logging-last-500.txt.diff")).toBe(false)
  })

  it("ignores timestamp lines when comparing", async () => {
    const files = new Map([["show-running-config.txt", "Tue Mar  7 10:15:02.123 UTC\nhostname PE1\n"]])
    const context = fakeContext("XR", [router("hostname PE1\n", 4)], {
      lastPreUpgrade: { completedAt: 0, files }
    })
    await Effect.runPromise(postUpgrade(context))
    expect(context.files.has("show-running-config.txt.diff")).toBe(false)
  })

  it("warns when there is no Pre-Upgrade to compare with, and about old ISIS data", async () => {
    const context = fakeContext("XR", [router("hostname PE1\n", 4)])
    await Effect.runPromise(postUpgrade(context))
    expect(context.warnings).toContain("WARNING: [Diff] No Pre-Upgrade data to compare")
    const old = fakeContext("XR", [router("hostname PE1\n", 4)], {
      lastPreUpgrade: { completedAt: 0, files: new Map() },
      now: () => 3 * 60 * 60 * 1000
    })
    await Effect.runPromise(postUpgrade(old))
    expect(old.warnings).toContain("WARNING: [ISIS Neighbor Check] The Pre-Upgrade ISIS data is more than 2 hours old")
  })
})
