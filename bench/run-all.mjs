// `npm run bench`: runs each built benchmark in its own node, so one's heap never slows the next.
// `--enforce` is passed through: a benchmark that misses a target then exits non-zero.
import { spawnSync } from "node:child_process"

const benchmarks = ["plan.js", "fold.js"]
const args = process.argv.slice(2)
let failed = false
for (const script of benchmarks) {
  const path = new URL(`dist/${script}`, import.meta.url).pathname
  // --expose-gc lets the fold report the heap its read models retain, garbage collected.
  const { status } = spawnSync(process.execPath, ["--expose-gc", path, ...args], { stdio: "inherit" })
  failed ||= status !== 0
  console.log()
}
process.exit(failed ? 1 : 0)
