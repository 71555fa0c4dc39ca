import { describe, expect, it } from "vitest"
import { classicTime, exrLogTime, headerTime, makeVirtualClock, syslogTime, uptimeText } from "./clock.ts"

const at = new Date("2017-03-07T10:15:02.123Z")

describe("virtual clock formats (DEVICE.md §9.1)", () => {
  it("formats the classic, eXR, header and syslog times", () => {
    expect(classicTime(at)).toBe("10:15:02 UTC Tue Mar 07 2017")
    expect(exrLogTime(at)).toBe("Mar 07 10:15:02")
    expect(headerTime(at, "xr")).toBe("Tue Mar  7 10:15:02.123 UTC")
    expect(headerTime(at, "adminVm")).toBe("Tue Mar  7  10:15:02.123 UTC")
    expect(syslogTime(at)).toBe("Mar  7 10:15:02.123")
  })

  it("matches the driver's timestamp-line regex on both planes", () => {
    const timestampLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d\.\d{3} \w+$/
    expect(timestampLine.test(headerTime(at, "xr"))).toBe(true)
    expect(timestampLine.test(headerTime(at, "adminVm"))).toBe(true)
  })

  it("writes uptimes in weeks, days, hours and minutes", () => {
    expect(uptimeText(((3 * 24 + 4) * 60 + 12) * 60_000)).toBe("3 days, 4 hours, 12 minutes")
    expect(uptimeText((8 * 24 * 60 + 1) * 60_000)).toBe("1 week, 1 day, 1 minute")
    expect(uptimeText(0)).toBe("0 minutes")
  })

  it("starts at the configured instant and runs faster at a small timeScale", () => {
    const clock = makeVirtualClock(at, 0.001)
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(at.getTime())
  })
})
