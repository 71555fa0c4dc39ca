/**
 * `scheduled_time` has minute precision ("mm-dd-yyyy hh:mm AM|PM"), so "later" is the first whole
 * minute at least `marginMs` away, written in UTC with `utc_offset` "+00:00".
 */
export interface LaterMinute {
  readonly at: Date
  readonly row: { readonly scheduled_time: string; readonly utc_offset: "+00:00" }
}

const two = (n: number) => String(n).padStart(2, "0")

export const nextMinuteAtLeast = (marginMs: number, now = new Date()): LaterMinute => {
  const at = new Date(Math.ceil((now.getTime() + marginMs) / 60_000) * 60_000)
  const hours = at.getUTCHours()
  const text = `${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}-${at.getUTCFullYear()} ${two(hours % 12 === 0 ? 12 : hours % 12)}:${two(at.getUTCMinutes())} ${hours < 12 ? "AM" : "PM"}`
  return { at, row: { scheduled_time: text, utc_offset: "+00:00" } }
}
