import { afterAll, describe, expect, it } from "vitest"
import { scratchDatabase } from "../../adapters-store/src/postgres/testing/scratch-database.ts"
import { skipNote, testUrl } from "../../adapters-store/src/postgres/testing/test-database.ts"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { dig } from "../../adapters-http/src/testing/client.ts"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

/** A database of this run's own on the test server, dropped afterwards. */
const database = `csm_server_${process.pid}_${Date.now().toString(36)}`
let drop = (): Promise<void> => Promise.resolve()

describe.skipIf(testUrl === undefined)(`csm-server on PostgreSQL (${testUrl === undefined ? skipNote : "CSM_TEST_POSTGRES"})`, () => {
  afterAll(() => drop())

  it("keeps everything across a restart, and never logs the URL's credentials", async () => {
    const scratch = await scratchDatabase(testUrl!, database)
    drop = scratch.drop
    const url = new URL(scratch.url)
    const env = { CSM_STORE: url.toString(), CSM_DATA_DIR: tmp.path, CSM_CCO_REFRESH_SECONDS: "0" }

    const first = await startServer(env)
    const auth: Credentials = ["admin", printedPassword(first)]
    await first.post("/api/v1/regions", { region_name: "SJ Labs" }, auth)
    await first.post("/api/v1/hosts", { hostname: "R1", region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.1" }, auth)
    expect(first.stdout.some((line) => line.includes(`Store: PostgreSQL, ${url.host}/${database}`))).toBe(true)
    expect(await first.stop()).toEqual({ code: 0, signal: null })

    const second = await startServer(env)
    try {
      expect(dig((await second.get("/api/v1/hosts", auth)).body, "api_response", "host_list", 0)).toMatchObject({ hostname: "R1", region: "SJ Labs" })
      const printed = [...first.stdout, ...first.stderr, ...second.stdout, ...second.stderr].join("\n")
      expect(printed).not.toContain(`:${url.password}@`)
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null })
    }
  })
})
