import { DateTime, Result, Schema } from "effect"
import type { Rejected } from "./rejected.ts"
import { reject } from "./rejected.ts"

/**
 * The times of the CSM API. The core keeps an instant as epoch milliseconds and stores it as an
 * ISO-8601 UTC string. Users write the guide's local form "mm-dd-yyyy hh:mm AM|PM" together with a
 * fixed `utc_offset`; no named zone is involved, so no daylight-saving rule applies. Refusals read
 * like `decodeField`'s (shared/names.ts), naming the API's key: `'utc_offset' must be ...`.
 */

const MINUTE = 60_000
const UTC_OFFSET = /^([+-])(\d{2}):(\d{2})$/
const LOCAL_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}) (AM|PM)$/

/** An instant as stored in events: `Date.prototype.toISOString` output. */
export const IsoTime = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/))

export const toIsoTime = (millis: number): string => new Date(millis).toISOString()

/**
 * Reads an `IsoTime` by its fixed digit positions: the read models fold a million of them at
 * start-up, and `Date.parse` costs several times more.
 */
export const fromIsoTime = (iso: string): number =>
  Date.UTC(
    digits(iso, 0, 4),
    digits(iso, 5, 7) - 1,
    digits(iso, 8, 10),
    digits(iso, 11, 13),
    digits(iso, 14, 16),
    digits(iso, 17, 19),
    digits(iso, 20, 23)
  )

const digits = (text: string, from: number, to: number): number => {
  let value = 0
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48
  return value
}

/** Minutes east of UTC of a `utc_offset` "+hh:mm" or "-hh:mm", from -12:00 to +14:00. */
export const parseUtcOffset = (text: string): Result.Result<number, Rejected> => {
  const match = UTC_OFFSET.exec(text)
  if (match !== null && Number(match[3]) < 60) {
    const minutes = Number(match[2]) * 60 + Number(match[3])
    const signed = match[1] === "-" ? -minutes : minutes
    if (signed >= -12 * 60 && signed <= 14 * 60) return Result.succeed(signed)
  }
  return reject(`'utc_offset' must be "+hh:mm" or "-hh:mm" between -12:00 and +14:00, e.g. "-07:00" (not "${text}").`)
}

/** The instant of a local "mm-dd-yyyy hh:mm AM|PM" at `offsetMinutes` east of UTC; impossible dates are refused. */
export const parseLocalTime = (text: string, offsetMinutes: number): Result.Result<number, Rejected> => {
  const match = LOCAL_TIME.exec(text)
  if (match === null) {
    return reject(`'scheduled_time' must be "mm-dd-yyyy hh:mm AM|PM", e.g. "06-15-2016 03:15 PM" (not "${text}").`)
  }
  const [month, day, year, hour, minute] = match.slice(1, 6).map(Number)
  if (hour < 1 || hour > 12 || minute > 59) {
    return reject(`'scheduled_time' must have hours from 01 to 12 and minutes from 00 to 59 (not "${text}").`)
  }
  const wall = DateTime.makeUnsafe({ year, month, day, hour: (hour % 12) + (match[6] === "PM" ? 12 : 0), minute })
  // The Date underneath rolls 02-30 over to 03-01; reading the parts back catches it.
  const parts = DateTime.toPartsUtc(wall)
  if (parts.year !== year || parts.month !== month || parts.day !== day) {
    return reject(`'scheduled_time' must be a real date (not "${text}").`)
  }
  return Result.succeed(DateTime.toEpochMillis(wall) - offsetMinutes * MINUTE)
}

/** The guide's local form of an instant at `offsetMinutes` east of UTC (seconds are dropped). */
export const formatLocalTime = (millis: number, offsetMinutes: number): string => {
  const { year, month, day, hour, minute } = DateTime.toParts(
    DateTime.setZoneOffset(DateTime.makeUnsafe(millis), offsetMinutes * MINUTE)
  )
  return `${pad(month)}-${pad(day)}-${pad(year, 4)} ${pad(hour % 12 || 12)}:${pad(minute)} ${hour < 12 ? "AM" : "PM"}`
}

/** RFC 1123 in GMT, as the guide shows: "Wed, 01 Jun 2016 15:15:00 GMT". */
export const formatGmt = (millis: number): string => new Date(millis).toUTCString()

const pad = (value: number, width = 2): string => String(value).padStart(width, "0")
