import { resolve } from "node:path"
import { writeSampleCatalog } from "./write-sample.ts"

/**
 * `node packages/adapters-cco/dist/sample/generate.js <outDir>`: writes the bundled sample catalog
 * (CCO.md §7). No clock, no randomness: every run writes the same bytes.
 */
const [outDir] = process.argv.slice(2)
if (outDir === undefined || outDir.trim() === "") {
  process.stderr.write("usage: node packages/adapters-cco/dist/sample/generate.js <outDir>\n")
  process.exitCode = 2
} else {
  const directory = resolve(outDir)
  const files = writeSampleCatalog(directory)
  process.stdout.write(`wrote ${files.length} files to ${directory}\n`)
}
