import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { dig } from "../../adapters-http/src/testing/client.ts"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

describe("a restart on the same data directory", () => {
  it("keeps regions, hosts, users and jobs, the key, and so the tokens issued before it", async () => {
    const env = { CSM_DATA_DIR: join(tmp.path, "data") }
    const key = () => readFileSync(join(env.CSM_DATA_DIR, "secret.key"))

    const first = await startServer(env)
    const admin: Credentials = ["admin", printedPassword(first)]
    await first.post("/api/v1/regions", { region_name: "SJ Labs" }, admin)
    await first.post("/api/v1/hosts", { hostname: "My Host 1", region: "SJ Labs", connection_type: "telnet", ts_or_ip: "172.28.98.2", password: "cisco" }, admin)
    await first.post("/api/v1/users", { username: "operator", password: "operator-pw", privilege: "Operator" }, admin)
    await first.post("/api/v1/install", { hostname: "My Host 1", install_action: "Commit", scheduled_time: "01-01-2099 08:00 AM", utc_offset: "+00:00" }, admin)
    const token: Credentials = [String(dig((await first.get("/api/v1/token", admin)).body, "token")), "unused"]
    const keyBefore = key()
    expect(await first.stop()).toEqual({ code: 0, signal: null })

    const second = await startServer(env)
    try {
      expect(second.stdout.join("\n")).not.toContain("Created the Admin user")
      expect(key()).toEqual(keyBefore)
      expect(dig((await second.get("/api/v1/hosts", token)).body, "api_response", "host_list", 0)).toMatchObject({ hostname: "My Host 1", region: "SJ Labs" })
      expect(dig((await second.get("/api/v1/regions", token)).body, "api_response", "region_list")).toEqual([{ region_name: "SJ Labs" }])
      const users = dig((await second.get("/api/v1/users", token)).body, "api_response", "user_list") as ReadonlyArray<{ username: string }>
      expect(users.map((user) => user.username)).toEqual(["admin", "operator"])
      expect(dig((await second.get("/api/v1/install?id=1", token)).body, "api_response", "install_job_list", 0)).toMatchObject({ status: "scheduled" })
      expect((await second.get("/api/v1/token", ["operator", "operator-pw"])).status).toBe(200)
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null })
    }
  })
})
