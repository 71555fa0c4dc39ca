import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * The baseline of `server.ts`: a bare node:http server answering every request with the bytes of
 * the file it is given, as the CSM server answers `GET /api/v1/hosts?page=1`. It prints its
 * address the way the CSM server does, so both are started alike.
 */
const body = readFileSync(process.argv[2]!)
const headers = { "content-type": "application/json; charset=utf-8", "content-length": body.length }
const server = createServer((_request, response) => {
  response.writeHead(200, headers).end(body)
})
server.listen(0, "127.0.0.1", () => {
  console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.on("SIGTERM", () => server.close())
