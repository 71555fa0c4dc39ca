import { describe, expect, it } from "vitest"
import { nextMinuteAtLeast } from "./scheduled-time.ts"

describe("the next whole minute at least a margin away", () => {
  it("skips a minute that is nearer than the margin", () => {
    expect(nextMinuteAtLeast(3_000, new Date("2026-11-27T19:14:58.500Z"))).toEqual({
      at: new Date("2026-11-27T19:16:00.000Z"),
      row: { scheduled_time: "11-27-2026 07:16 PM", utc_offset: "+00:00" }
    })
  })

  it("writes midnight and noon as 12 AM and 12 PM", () => {
    expect(nextMinuteAtLeast(1_000, new Date("2026-01-01T23:59:30Z")).row.scheduled_time).toBe("01-02-2026 12:00 AM")
    expect(nextMinuteAtLeast(1_000, new Date("2026-01-01T11:59:30Z")).row.scheduled_time).toBe("01-01-2026 12:00 PM")
  })
})
