/** The benchmark's statistics and number formatting. */

/** The nearest-rank percentile `p` (0 to 100). */
export const percentile = (samples: ReadonlyArray<number>, p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const median = (samples: ReadonlyArray<number>): number => percentile(samples, 50)

export const format = (value: number, digits = 0): string =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
