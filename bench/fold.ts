import type { RecordedEvent } from "@csm/core"
import { makeFold } from "@csm/core"
import { busyServer, recorder } from "./busy-server.ts"
import { check, finish, format, median, sample, show } from "./measure.ts"

/**
 * Folds a million events of a busy server's log, stored as JSON text, into the read models, as a
 * server does at start-up. The baseline parses the same text and counts the events by type: the
 * least any reader of the log does, which makes the ratio comparable across machines.
 */

const EVENTS = 1_000_000
const TARGET_RATE = 300_000
const TARGET_RATIO = 0.5

const record = recorder()
const log: Array<string> = []
for (const entry of busyServer({ hosts: 100_000, requests: Infinity })) {
  if (log.length === EVENTS) break
  log.push(JSON.stringify(record(entry)))
}

const countByType = () => {
  const counts = new Map<string, number>()
  for (const text of log) {
    const { type } = JSON.parse(text) as RecordedEvent
    counts.set(type, (counts.get(type) ?? 0) + 1)
  }
  return counts
}

let folded = makeFold()
const fold = () => {
  folded = makeFold()
  for (const text of log) {
    const undecodable = folded.apply(JSON.parse(text) as RecordedEvent)
    if (undecodable) throw undecodable
  }
}

// `npm run bench` runs node with --expose-gc, so that the heap figures leave garbage out.
const gc = (globalThis as { readonly gc?: () => void }).gc
const heapMb = () => {
  gc?.()
  return process.memoryUsage().heapUsed / 2 ** 20
}

const logMb = heapMb()
const rate = (samples: ReadonlyArray<number>) => EVENTS / (median(samples) / 1000)
const baseline = rate(sample(countByType))
const real = rate(sample(fold))
const foldedMb = heapMb()

const mix = [...countByType()].sort(([, a], [, b]) => b - a).map(([type, count]) => `${type} ${format(count)}`)
const jsonMb = log.reduce((sum, text) => sum + text.length, 0) / 2 ** 20
console.log(`fold: ${format(EVENTS)} events, ${format(jsonMb)} MB of JSON; median of 5 runs after a warm-up`)
console.log(`  mix: ${mix.join(", ")}`)
show("baseline: parse + count by type", `${format(baseline)} ev/s`)
check("parse + fold", `${format(real)} ev/s`, real >= TARGET_RATE, `≥ ${format(TARGET_RATE)} ev/s`)
check("fold / baseline", format(real / baseline, 2), real / baseline >= TARGET_RATIO, `≥ ${TARGET_RATIO}`)
show(
  `heap used after the fold${gc ? "" : " (no gc)"}`,
  `${format(foldedMb)} MB`,
  `read models ${format(foldedMb - logMb)} MB: ${format(folded.views.hosts.hosts.size)} hosts, ` +
    `${format(folded.views.jobs.idSequence.next - 1)} jobs`
)
finish()
