import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatGmt, formatLocalTime, fromIsoTime, parseLocalTime, parseUtcOffset, toIsoTime } from "./time.ts"

const succeeded = <A, E>(result: Result.Result<A, E>): A => Result.getOrThrow(result)
const failure = <A, E extends { readonly message: string }>(result: Result.Result<A, E>): string =>
  Result.isFailure(result) ? result.failure.message : `unexpected success: ${String(result.success)}`

describe("utc_offset", () => {
  it("reads signed hours and minutes", () => {
    expect(succeeded(parseUtcOffset("-07:00"))).toBe(-420)
    expect(succeeded(parseUtcOffset("+05:30"))).toBe(330)
    expect(succeeded(parseUtcOffset("-12:00"))).toBe(-720)
    expect(succeeded(parseUtcOffset("+14:00"))).toBe(840)
  })

  it.each(["+14:01", "-12:30", "+05:60", "07:00", "+7:00", "+07:00 ", "", "+0700"])("refuses %j", (text) => {
    expect(failure(parseUtcOffset(text))).toBe(
      `'utc_offset' must be "+hh:mm" or "-hh:mm" between -12:00 and +14:00, e.g. "-07:00" (not "${text}").`
    )
  })
})

describe("scheduled_time", () => {
  it("reads the guide's example as local time at the offset", () => {
    expect(toIsoTime(succeeded(parseLocalTime("06-15-2016 03:15 PM", -420)))).toBe("2016-06-15T22:15:00.000Z")
    expect(toIsoTime(succeeded(parseLocalTime("01-01-2017 12:00 AM", 60)))).toBe("2016-12-31T23:00:00.000Z")
    expect(toIsoTime(succeeded(parseLocalTime("02-29-2016 12:30 PM", 0)))).toBe("2016-02-29T12:30:00.000Z")
  })

  it.each(["6-15-2016 03:15 PM", "06-15-2016 3:15 PM", "06-15-2016 03:15", "06-15-2016 03:15 pm", "2016-06-15 03:15 PM"])(
    "refuses the shape %j",
    (text) => {
      expect(failure(parseLocalTime(text, 0))).toBe(
        `'scheduled_time' must be "mm-dd-yyyy hh:mm AM|PM", e.g. "06-15-2016 03:15 PM" (not "${text}").`
      )
    }
  )

  it.each(["02-30-2016 03:15 PM", "02-29-2015 03:15 PM", "13-01-2016 03:15 PM", "00-10-2016 03:15 PM", "04-31-2016 03:15 PM"])(
    "refuses the impossible date %j",
    (text) => {
      expect(failure(parseLocalTime(text, 0))).toBe(`'scheduled_time' must be a real date (not "${text}").`)
    }
  )

  it.each(["06-15-2016 00:15 PM", "06-15-2016 13:15 PM", "06-15-2016 03:60 PM"])("refuses the impossible time %j", (text) => {
    expect(failure(parseLocalTime(text, 0))).toBe(
      `'scheduled_time' must have hours from 01 to 12 and minutes from 00 to 59 (not "${text}").`
    )
  })
})

describe("formatting", () => {
  const instant = Date.UTC(2016, 5, 1, 15, 15)

  it("writes RFC 1123 GMT", () => {
    expect(formatGmt(instant)).toBe("Wed, 01 Jun 2016 15:15:00 GMT")
  })

  it("writes the guide's local form at an offset", () => {
    expect(formatLocalTime(instant, -420)).toBe("06-01-2016 08:15 AM")
    expect(formatLocalTime(instant, 0)).toBe("06-01-2016 03:15 PM")
    expect(formatLocalTime(Date.UTC(2016, 5, 1, 0, 5), 0)).toBe("06-01-2016 12:05 AM")
    expect(formatLocalTime(Date.UTC(2016, 5, 1, 12, 5), 0)).toBe("06-01-2016 12:05 PM")
    expect(formatLocalTime(instant, 840)).toBe("06-02-2016 05:15 AM")
  })

  it("keeps ISO times exact", () => {
    expect(fromIsoTime(toIsoTime(instant))).toBe(instant)
  })
})

describe("round trips", () => {
  const offsets = fc
    .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 }))
    .map(([sign, hours, minutes]) => `${sign}${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`)
    .filter((text) => Result.isSuccess(parseUtcOffset(text)))
  // Whole minutes whose local form, at any offset, has a four-digit year.
  const instants = fc
    .integer({ min: Date.UTC(1000, 0, 2) / 60_000, max: Date.UTC(9998, 11, 31) / 60_000 })
    .map((minutes) => minutes * 60_000)

  it("every valid local time reads back to the text that wrote it, for every offset", () => {
    fc.assert(
      fc.property(instants, offsets, (instant, offsetText) => {
        const offset = succeeded(parseUtcOffset(offsetText))
        const text = formatLocalTime(instant, offset)
        expect(succeeded(parseLocalTime(text, offset))).toBe(instant)
        expect(formatLocalTime(succeeded(parseLocalTime(text, offset)), offset)).toBe(text)
      })
    )
  })
})

describe("fromIsoTime", () => {
  it("reads back every instant toIsoTime writes, from 1970 to 9999", () =>
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (millis) => {
      expect(fromIsoTime(toIsoTime(millis))).toBe(millis)
    })))
})
