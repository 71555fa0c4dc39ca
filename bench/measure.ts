/**
 * Timing and verdicts shared by the benchmarks. Speed targets are checked here, never in tests:
 * a loaded machine should slow a benchmark, not fail the suite. With `--enforce`, a missed target
 * makes the script exit non-zero.
 */

/** Milliseconds of `runs` timed calls of `task`, after `warmups` untimed ones that let the JIT settle. */
export const sample = (task: () => void, runs = 5, warmups = 1): ReadonlyArray<number> => {
  for (let i = 0; i < warmups; i++) task()
  const samples: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    task()
    samples.push(performance.now() - start)
  }
  return samples
}

/** The nearest-rank percentile `p` (0..100) of the samples. */
export const percentile = (samples: ReadonlyArray<number>, p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export const median = (samples: ReadonlyArray<number>): number => percentile(samples, 50)

/** A figure, printed as one aligned line. */
export const show = (label: string, value: string, note = ""): void => {
  console.log(`  ${label.padEnd(34)} ${value.padStart(14)}  ${note}`)
}

let missed = false

/** Prints a figure with its target, remembering a miss for `finish`. */
export const check = (label: string, value: string, met: boolean, target: string): void => {
  missed ||= !met
  show(label, value, `${target.padEnd(18)} ${met ? "met" : "MISSED"}`)
}

/** Ends the script: non-zero when a target was missed and `--enforce` was given. */
export const finish = (): void => {
  if (missed && process.argv.includes("--enforce")) process.exitCode = 1
}

export const format = (value: number, digits = 0): string =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
