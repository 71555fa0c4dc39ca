/**
 * The rank of a CCO date-time, `MM/DD/YYYY HH:MM:SS TZ` (a `postedDate` or `creationDate`):
 * "YYYYMMDDHHMMSS", which sorts as the time does; the zone is ignored, and an empty or
 * malformed date ranks lowest ("").
 */
export const ccoDateRank = (text: string): string => {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2}))?/.exec(text)
  if (match === null) return ""
  const [month, day, year, ...time] = match.slice(1).map((part = "0") => part.padStart(2, "0"))
  return `${year}${month}${day}${time.join("")}`
}
