import { parseReleaseDocument, renderReleaseDocument } from "@csm/adapters-cco"
import { buildReleaseCatalog, optimizeSoftware, softwareList } from "@csm/core"
import type { CcoEntry } from "@csm/core"
import { XMLParser } from "fast-xml-parser"
import { check, finish, format, median, percentile, sample, show } from "./measure.ts"

/**
 * Loads and indexes a synthetic asr9k_px release of 20,000 SMUs in 100 supersede chains 200 deep,
 * each SMU needing one of the previous level in the next chain; then answers get_optimized_software
 * for 500 of them. The baseline is fast-xml-parser's bare parse of the same file: reading the
 * document at all, which no load can avoid.
 */

const CHAINS = 100
const DEPTH = 200
const INPUTS = 500
const OPTIMIZE_TARGET_MS = 50

const nameOf = (chain: number, level: number) => `asr9k-px-5.3.3.CSCzz${String(chain * DEPTH + level).padStart(5, "0")}`
const two = (n: number) => String(n).padStart(2, "0")
const postedOf = (level: number) => {
  const day = new Date(Date.UTC(2015, 0, 1) + level * 86_400_000)
  return `${two(day.getUTCMonth() + 1)}/${two(day.getUTCDate())}/${day.getUTCFullYear()} 10:00:00 PDT`
}

const entries: Array<CcoEntry> = []
for (let chain = 0; chain < CHAINS; chain++) {
  for (let level = 0; level < DEPTH; level++) {
    const name = nameOf(chain, level)
    entries.push({
      kind: "smu", id: `AA${chain * DEPTH + level + 10_000}`, name, status: "Posted", type: "Recommended", category: "",
      description: `Synthetic fix ${chain}.${level}`, impact: "Hitless", ddts: name.slice(-10), posted_date: postedOf(level),
      customer_eta: "", supersedes: level === 0 ? [] : [nameOf(chain, level - 1)],
      superseded_by: level === DEPTH - 1 ? [] : [nameOf(chain, level + 1)],
      prerequisites: level === 0 ? [] : [nameOf((chain + 1) % CHAINS, level - 1)], package_bundles: ["asr9k-mini-px"],
      functional_areas: ["ETHER"], compressed_image_size: 1_000_000 + level, uncompressed_image_size: 2_000_000 + level,
      cco_file_name: `${name}.tar`, composite_DDTS: [], package_names: [`${name}.pie`], package_md5: []
    })
  }
}
const header = {
  platform: "asr9k_px", release: "5.3.3", smu_suffix: "pie", pid: "ASR-9010-AC", mdf_id: "282414851",
  smu_software_type_id: "280867577", sp_software_type_id: "280867578", tar_software_type_id: "280867579"
}
const xml = renderReleaseDocument({ platform: "asr9k_px", release: "5.3.3", creationDate: "08/09/2016 02:10:05 PDT", header, entries })

const parse = () => {
  const parsed = parseReleaseDocument(xml, "asr9k_px_5.3.3.xml")
  if (parsed._tag !== "Success" || parsed.success.entries.length !== entries.length) throw new Error("The synthetic release should parse whole.")
  return parsed.success
}
const bareParser = new XMLParser({ ignoreAttributes: false })
const bareParse = () => {
  bareParser.parse(xml)
}
const index = (parsed: { readonly entries: ReadonlyArray<CcoEntry> }) => {
  const catalog = buildReleaseCatalog("asr9k_px", "5.3.3", parsed.entries)
  softwareList(catalog)
  return catalog
}

const parsed = parse()
const RUNS = 7
const parseMs = sample(parse, RUNS, 1)
const bareMs = sample(bareParse, RUNS, 1)
const indexMs = sample(() => index(parsed), RUNS, 1)

// Memory: what a loaded release keeps (the parsed entries and their indexes), after collection.
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const heapBefore = process.memoryUsage().heapUsed
const kept = index(parse())
gc?.()
const keptMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20

// 500 inputs from every level, superseded ones included, in a scrambled but fixed order.
const inputs = Array.from({ length: INPUTS }, (_, i) => `${entries[(i * 7919) % entries.length]!.name}.pie`)
const catalogFor = (platform: string, release: string) => (platform === "asr9k_px" && release === "5.3.3" ? kept : undefined)
const answer = optimizeSoftware(inputs, catalogFor)
const optimizeMs = sample(() => optimizeSoftware(inputs, catalogFor), 30, 3)

console.log(
  `cco: a release of ${format(entries.length)} SMUs in ${CHAINS} supersede chains ${DEPTH} deep (${format(xml.length / 2 ** 20, 1)} MiB of XML); ` +
    `${RUNS} runs after a warm-up`
)
show("baseline: bare XML parse, median", `${format(median(bareMs))} ms`)
show("parseReleaseDocument, median", `${format(median(parseMs))} ms`, `${format(median(parseMs) / median(bareMs), 2)} × baseline`)
show("index + optimal list, median", `${format(median(indexMs))} ms`)
show("load and index, median", `${format(median(parseMs) + median(indexMs))} ms`)
show("heap kept by the release", gc === undefined ? "run with --expose-gc" : `${format(keptMiB, 1)} MiB`)
show("get_optimized_software rows", format(answer.software_list.length), `${answer.warnings.length} warnings`)
show("get_optimized_software, p95", `${format(percentile(optimizeMs, 95), 1)} ms`)
check(`get_optimized_software (${INPUTS}), median`, `${format(median(optimizeMs), 1)} ms`, median(optimizeMs) <= OPTIMIZE_TARGET_MS, `≤ ${OPTIMIZE_TARGET_MS} ms`)
finish()
