import type { CcoEntry } from "./cco-entry.ts"

/**
 * The `date` parameter of GET /cco/software (CCO.md §5.4): `mm-dd-yyyy`, one-digit month or day
 * accepted, a real calendar date. Returns its day as "YYYYMMDD", or undefined (answered with 400).
 */
export const parseDateParam = (text: string): string | undefined => {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text)
  if (match === null) return undefined
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${match[3]}${match[1]!.padStart(2, "0")}${match[2]!.padStart(2, "0")}`
}

/** The calendar day of a `postedDate` (`MM/DD/YYYY …`, time and zone ignored) as "YYYYMMDD", or undefined. */
export const postedDay = (postedDate: string): string | undefined => {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s|$)/.exec(postedDate)
  return match === null ? undefined : `${match[3]}${match[1]!.padStart(2, "0")}${match[2]!.padStart(2, "0")}`
}

/**
 * Keeps the entries posted on or after `day` ("YYYYMMDD", from parseDateParam), in order; entries
 * whose `postedDate` is empty or malformed are left out and returned in `undated` to be logged.
 * Without a day nothing is filtered.
 */
export const filterByDate = (
  entries: ReadonlyArray<CcoEntry>,
  day: string | undefined
): { readonly entries: ReadonlyArray<CcoEntry>; readonly undated: ReadonlyArray<CcoEntry> } => {
  if (day === undefined) return { entries, undated: [] }
  const kept: Array<CcoEntry> = []
  const undated: Array<CcoEntry> = []
  for (const entry of entries) {
    const posted = postedDay(entry.posted_date)
    if (posted === undefined) undated.push(entry)
    else if (posted >= day) kept.push(entry)
  }
  return { entries: kept, undated }
}
