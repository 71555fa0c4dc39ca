import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { rawSession, skipNote, testUrl } from "../../adapters-store/src/postgres/testing/test-database.ts"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { dig } from "../../adapters-http/src/testing/client.ts"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

/** A database of this run's own on the test server, dropped afterwards. */
const database = `csm_server_${process.pid}_${Date.now().toString(36)}`
const admin = (sql: string) =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(rawSession(testUrl!, "public"), (session) => session.executeRaw(sql, []))))

describe.skipIf(testUrl === undefined)(`csm-server on PostgreSQL (${testUrl === undefined ? skipNote : "CSM_TEST_POSTGRES"})`, () => {
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))

  it("keeps everything across a restart, and never logs the URL's credentials", async () => {
    await admin(`CREATE DATABASE ${database}`)
    const url = new URL(testUrl!)
    url.pathname = `/${database}`
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
