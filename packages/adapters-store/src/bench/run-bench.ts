import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { format, median, percentile } from "./measure.ts"

/**
 * The store benchmarks' common part (STORE.md §5): each workload on the raw driver and on the
 * adapter, a warm-up and then five repetitions, raw and adapter taking turns so that a drifting
 * disk affects both alike. It prints the median events/s and the adapter-to-raw ratio, writes
 * them as JSON to the workspace's bench/results/, and with `--enforce` sets a failing exit code
 * when a ratio is below 0.8.
 */

/** A timed run; `record` takes the milliseconds of each single operation, where they matter. */
export type Run = (record: (milliseconds: number) => void) => Promise<void> | void

export interface Workload {
  readonly name: string
  /** Events written or read by one run. */
  readonly events: number
  /** Prepares a run (a fresh database, new event ids), untimed, and returns the timed part. */
  readonly raw: () => Run | Promise<Run>
  readonly adapter: () => Run | Promise<Run>
}

const repetitions = 5
const targetRatio = 0.8
const sides = ["raw", "adapter"] as const

interface Measured {
  /** Milliseconds of each repetition. */
  readonly runs: Array<number>
  /** Milliseconds of each single operation, where the workload records them. */
  readonly operations: Array<number>
}

const measure = async (workload: Workload) => {
  const measured: Record<typeof sides[number], Measured> = { raw: { runs: [], operations: [] }, adapter: { runs: [], operations: [] } }
  for (let repetition = 0; repetition <= repetitions; repetition++) {
    for (const side of sides) {
      const run = await workload[side]()
      const operations: Array<number> = []
      const start = performance.now()
      await run((milliseconds) => operations.push(milliseconds))
      const elapsed = performance.now() - start
      // Repetition 0 is the warm-up.
      if (repetition > 0) {
        measured[side].runs.push(elapsed)
        measured[side].operations.push(...operations)
      }
    }
  }
  const rate = (side: typeof sides[number]) => workload.events / (median(measured[side].runs) / 1_000)
  const latency = (side: typeof sides[number]) => {
    const { operations } = measured[side]
    return operations.length === 0 ? undefined : { p50: percentile(operations, 50), p99: percentile(operations, 99) }
  }
  const [raw, adapter] = [rate("raw"), rate("adapter")]
  return { workload: workload.name, raw, adapter, ratio: adapter / raw, latency: { raw: latency("raw"), adapter: latency("adapter") } }
}

/** Runs `workloads`, prints them under `title` and writes them to bench/results/<output>.json. */
export const runBench = async (title: string, workloads: ReadonlyArray<Workload>, output: string): Promise<void> => {
  console.log(`${title}, events/s: median of ${repetitions} runs after a warm-up`)
  console.log(`  ${"workload".padEnd(40)} ${"raw".padStart(10)} ${"adapter".padStart(10)} ${"ratio".padStart(6)}`)
  const results = []
  for (const workload of workloads) {
    const result = await measure(workload)
    results.push(result)
    const verdict = result.ratio >= targetRatio ? "met" : "MISSED"
    console.log(
      `  ${result.workload.padEnd(40)} ${format(result.raw).padStart(10)} ${format(result.adapter).padStart(10)} ${
        format(result.ratio, 2).padStart(6)
      }  ≥ ${targetRatio} ${verdict}`
    )
    for (const side of sides) {
      const latency = result.latency[side]
      if (latency) console.log(`    ${side} latency per append: p50 ${format(latency.p50, 3)} ms, p99 ${format(latency.p99, 3)} ms`)
    }
  }

  // From dist/bench/ of this package to the workspace root, whose bench/results/ git ignores.
  const file = fileURLToPath(new URL(`../../../../bench/results/${output}.json`, import.meta.url))
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), targetRatio, results }, null, 2))
  console.log(`  written to ${file}`)

  if (process.argv.includes("--enforce") && results.some((result) => result.ratio < targetRatio)) process.exitCode = 1
}
