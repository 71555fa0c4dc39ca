// `npm start` runs the CSM server once packages/server exists (issue 3). Until then it runs the
// core's embedding example, so the command still shows the domain working end to end.
import { existsSync } from "node:fs"
import { spawnSync } from "node:child_process"

const server = new URL("../packages/server/dist/main.js", import.meta.url)
const example = new URL("../examples/embed-core/dist/main.js", import.meta.url)
const target = existsSync(server) ? server : example
if (target === example) {
  console.log("The HTTP server is not built yet (it arrives with the server issue); running the embedded-core example instead.\n")
}
const { status } = spawnSync(process.execPath, [target.pathname, ...process.argv.slice(2)], { stdio: "inherit" })
process.exit(status ?? 1)
