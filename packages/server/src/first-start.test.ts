import { existsSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { dig } from "../../adapters-http/src/testing/client.ts"
import { closedPort } from "./testing/closed-port.ts"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

describe("the first start", () => {
  it("creates the data directory (0700), its key (0600), and an Admin whose password is printed once on stdout", async () => {
    const dataDir = join(tmp.path, "fresh", "data")
    const server = await startServer({ CSM_DATA_DIR: dataDir })
    try {
      const password = printedPassword(server)
      expect(password).toMatch(/^[\w-]{24}$/)
      expect(server.stdout.join("\n").split(password)).toHaveLength(2)
      expect(server.stderr).toEqual([])
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      expect(statSync(join(dataDir, "secret.key")).mode & 0o777).toBe(0o600)
      expect(readFileSync(join(dataDir, "secret.key"))).toHaveLength(32)
      expect(existsSync(join(dataDir, "csm.sqlite"))).toBe(true)

      const token = await server.get("/api/v1/token", ["admin", password])
      expect(token.status).toBe(200)
      const users = await server.get("/api/v1/users", [String(dig(token.body, "token")), "unused"])
      expect(dig(users.body, "api_response", "user_list")).toEqual([{ username: "admin", privilege: "Admin", fullname: "", email: "" }])
      expect(await server.get("/healthz")).toMatchObject({ status: 200, body: { status: "ok" } })
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null })
    }
  })

  it("on the memory store: names the Admin from CSM_ADMIN_USER and CSM_ADMIN_PASSWORD, prints no password, writes nothing to disk", async () => {
    const dataDir = join(tmp.path, "never-created")
    const password = "Memory-Admin-Pw-1"
    const server = await startServer({ CSM_STORE: "memory", CSM_DATA_DIR: dataDir, CSM_ADMIN_USER: "root", CSM_ADMIN_PASSWORD: password })
    try {
      expect(server.stdout.join("\n")).not.toContain(password)
      expect(server.stdout).toContain(`Created the Admin user "root" with the password of CSM_ADMIN_PASSWORD.`)
      expect((await server.get("/api/v1/token", ["root", password])).status).toBe(200)
      expect((await server.get("/api/v1/token", ["admin", password])).status).toBe(401)
      expect(existsSync(dataDir)).toBe(false)
    } finally {
      await server.stop()
    }
  })

  it("runs the scheduler: a due job goes to its router at once, and fails when nothing answers there", async () => {
    const admin = ["admin", "Admin-Pw-For-Jobs"] as const
    const server = await startServer({ CSM_STORE: "memory", CSM_ADMIN_PASSWORD: admin[1], CSM_DEVICE_TIME_SCALE: "0.001" })
    const port = await closedPort()
    try {
      await server.post("/api/v1/regions", { region_name: "SJ Labs" }, admin)
      await server.post("/api/v1/hosts", {
        hostname: "R1", region: "SJ Labs", connection_type: "telnet", ts_or_ip: "127.0.0.1", port_number: port, username: "cisco", password: "cisco"
      }, admin)
      expect((await server.post("/api/v1/install", { hostname: "R1", install_action: "Pre-Upgrade" }, admin)).status).toBe(200)
      await expect.poll(async () => dig((await server.get("/api/v1/install?id=1", admin)).body, "api_response", "install_job_list", 0)).toMatchObject({
        status: "failed",
        status_message: `Connection error: 127.0.0.1:${port}: Connection refused`
      })
    } finally {
      await server.stop()
    }
  })
})
