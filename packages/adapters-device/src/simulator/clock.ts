/**
 * The simulator's virtual clock (DEVICE.md §9.1): it starts at a configured instant and runs at
 * real time ÷ timeScale, so that a 60 s operation at timeScale 0.001 takes 60 ms.
 */
export interface VirtualClock {
  readonly now: () => Date
}

export const makeVirtualClock = (start: Date, timeScale: number): VirtualClock => {
  const realStart = Date.now()
  return { now: () => new Date(start.getTime() + (Date.now() - realStart) / timeScale) }
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const
const two = (n: number): string => String(n).padStart(2, "0")

const dayName = (d: Date): string => days[d.getUTCDay()]!
const monthName = (d: Date): string => months[d.getUTCMonth()]!
const hms = (d: Date): string => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
const millis = (d: Date): string => String(d.getUTCMilliseconds()).padStart(3, "0")

/** Classic install messages: `10:15:02 UTC Tue Mar 07 2017`. */
export const classicTime = (d: Date): string =>
  `${hms(d)} UTC ${dayName(d)} ${monthName(d)} ${two(d.getUTCDate())} ${d.getUTCFullYear()}`

/** eXR install messages and logs: `Mar 07 10:15:03`. */
export const exrLogTime = (d: Date): string => `${monthName(d)} ${two(d.getUTCDate())} ${hms(d)}`

/** The header line before `show` output: `Tue Mar  7 10:15:02.123 UTC` (admin VM: two spaces before the time). */
export const headerTime = (d: Date, plane: "xr" | "adminVm"): string =>
  `${dayName(d)} ${monthName(d)} ${String(d.getUTCDate()).padStart(2, " ")}${plane === "adminVm" ? "  " : " "}${hms(d)}.${millis(d)} UTC`

/** Syslog lines of `show logging`: `Mar  7 10:21:30.123`. */
export const syslogTime = (d: Date): string =>
  `${monthName(d)} ${String(d.getUTCDate()).padStart(2, " ")} ${hms(d)}.${millis(d)}`

/** `2 weeks, 3 days, 4 hours, 5 minutes` (units that are zero are left out; at least minutes). */
export const uptimeText = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000)
  const parts: Array<[number, string]> = [
    [Math.floor(minutes / 10_080), "week"],
    [Math.floor(minutes / 1_440) % 7, "day"],
    [Math.floor(minutes / 60) % 24, "hour"]
  ]
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`)
  const m = minutes % 60
  return [...shown, `${m} minute${m === 1 ? "" : "s"}`].join(", ")
}
