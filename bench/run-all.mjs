// `npm run bench`: runs each built benchmark in its own node, so that one's heap never slows the
// next. `--enforce` is passed on: a benchmark that misses a target then exits non-zero.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

let failed = false
for (const script of ["plan.js", "fold.js", "cco.js", "server.js", "devices.js", "jobs.js", "instances.js"]) {
  const path = fileURLToPath(new URL(`dist/${script}`, import.meta.url))
  // --expose-gc lets the fold weigh its read models, and devices its idle sessions, without the garbage around them.
  const { status } = spawnSync(process.execPath, ["--expose-gc", path, ...process.argv.slice(2)], { stdio: "inherit" })
  failed ||= status !== 0
  console.log()
}
process.exit(failed ? 1 : 0)
