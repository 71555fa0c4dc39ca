import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { randomBytes } from "node:crypto"
import { afterAll, describe, expect, it } from "vitest"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { printedPassword, spawnServer, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

describe("secrets at rest", () => {
  it("never stores a password in plain text in the SQLite files", async () => {
    const dataDir = join(tmp.path, "plain")
    const server = await startServer({ CSM_DATA_DIR: dataDir })
    const admin: Credentials = ["admin", printedPassword(server)]
    const secrets = {
      jump: "Jump-Host-Secret-1",
      repository: "Repository-Secret-2",
      device: "Device-Secret-3",
      enable: "Enable-Secret-4",
      user: "User-Secret-5"
    }
    try {
      const answers = await Promise.all([
        server.post("/api/v1/jump_hosts", { hostname: "jump", connection_type: "ssh", host_or_ip: "10.0.0.9", username: "csm", password: secrets.jump }, admin),
        server.post("/api/v1/server_repositories", { hostname: "repo", server_type: "SFTP", server_address: "10.0.0.8", username: "csm", password: secrets.repository }, admin),
        server.post("/api/v1/regions", { region_name: "SJ Labs" }, admin),
        server.post("/api/v1/users", { username: "operator", password: secrets.user, privilege: "Operator" }, admin)
      ])
      const host = await server.post("/api/v1/hosts", {
        hostname: "R1",
        region: "SJ Labs",
        connection_type: "ssh",
        ts_or_ip: "10.0.0.1",
        jump_host: "jump",
        password: secrets.device,
        enable_password: secrets.enable
      }, admin)
      expect([...answers, host].map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    } finally {
      await server.stop()
    }
    const files = readdirSync(dataDir).filter((name) => name.startsWith("csm.sqlite"))
    expect(files).toContain("csm.sqlite")
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))))
    expect(bytes.includes("SJ Labs")).toBe(true)
    for (const secret of [...Object.values(secrets), admin[1]]) expect(bytes.includes(secret)).toBe(false)
  })

  it("takes the key from CSM_SECRET_KEY instead of a file, and refuses to start with another key", async () => {
    const dataDir = join(tmp.path, "env-key")
    const key = randomBytes(32)
    const server = await startServer({ CSM_DATA_DIR: dataDir, CSM_SECRET_KEY: key.toString("hex") })
    const password = printedPassword(server)
    await server.stop()
    expect(existsSync(join(dataDir, "secret.key"))).toBe(false)

    const wrong = spawnServer({ CSM_DATA_DIR: dataDir, CSM_SECRET_KEY: randomBytes(32).toString("hex") })
    expect(await wrong.exited).toEqual({ code: 1, signal: null })
    expect(wrong.stderr).toEqual([
      "The secret key (CSM_SECRET_KEY) does not open the passwords in the store; start with the key they were sealed with."
    ])

    const same = await startServer({ CSM_DATA_DIR: dataDir, CSM_SECRET_KEY: key.toString("base64") })
    try {
      expect((await same.get("/api/v1/token", ["admin", password])).status).toBe(200)
    } finally {
      await same.stop()
    }
  })
})
