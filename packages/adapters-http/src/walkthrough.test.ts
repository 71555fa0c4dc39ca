import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Credentials } from "./testing/client.ts"
import { dig } from "./testing/client.ts"
import type { TestServer } from "./testing/server.ts"
import { startServer } from "./testing/server.ts"

/**
 * The examples of the CSM Server API guide (csm-server-api-guide.md), sent as written (keys with
 * their underscores back), after creating the region, repository, profile and hosts they name.
 */
describe("the guide's examples", () => {
  let server: TestServer
  let token: Credentials
  const packages = "asr9k-px-5.3.3.CSCuz05961.pie,asr9k-px-5.3.3.CSCux89921.pie,asr9k-px-5.3.3.CSCuy03335.pie"
  const jobs = (body: unknown) => dig(body, "api_response", "install_job_list") as ReadonlyArray<Record<string, unknown>>
  const hosts = (body: unknown) => dig(body, "api_response", "host_list") as ReadonlyArray<Record<string, unknown>>

  beforeAll(async () => {
    server = await startServer()
    const admin = ["admin", "admin-pw"] as const
    await server.post("/api/v1/server_repositories", { hostname: "My_Repository", server_type: "SFTP", server_address: "10.1.1.1" }, admin)
    await server.post("/api/v1/custom_command_profiles", { profile_name: "Test Commands", command_list: ["show version"] }, admin)
    await server.post("/api/v1/regions", { region_name: "SJ Labs", server_repositories: ["My_Repository"] }, admin)
  })
  afterAll(() => server.close())

  it("Overview: curl -u <username>:<password> http://localhost:5000/api/v1/token", async () => {
    const reply = await server.get("/api/v1/token", ["operator", "operator-pw"])
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+$/) })
    // "it will be used as a username for the RESTful APIs. The password should use the string "unused"."
    token = [String(dig(reply.body, "token")), "unused"]
  })

  it("1.1.1 Create Hosts: the single and the multiple host examples", async () => {
    const netadmin = String(dig((await server.get("/api/v1/token", ["netadmin", "netadmin-pw"])).body, "token"))
    const single = await server.post("/api/v1/hosts", [{
      hostname: "My Host 1",
      region: "SJ Labs",
      roles: "PE",
      connection_type: "telnet",
      ts_or_ip: "172.28.98.2",
      username: "cisco",
      password: "cisco"
    }], [netadmin, "unused"])
    expect([single.status, single.body]).toEqual([200, { api_response: { host_list: [{ hostname: "My Host 1", status: "SUCCESS" }] } }])
    const multiple = await server.post("/api/v1/hosts", [
      { hostname: "My Host 1", region: "SJ Labs", roles: "PE", connection_type: "telnet", ts_or_ip: "172.28.98.2", username: "cisco", password: "cisco" },
      { hostname: "My Host 2", region: "SJ Labs", roles: "PE", connection_type: "telnet", ts_or_ip: "172.28.98.3", username: "cisco", password: "cisco" }
    ], [netadmin, "unused"])
    expect([multiple.status, multiple.body]).toEqual([200, {
      api_response: { host_list: [{ hostname: "My Host 1", status: "SUCCESS" }, { hostname: "My Host 2", status: "SUCCESS" }] }
    }])
    // The hosts the installation examples name.
    await server.post("/api/v1/hosts", ["R1", "R2"].map((hostname) => ({ hostname, region: "SJ Labs", connection_type: "telnet", ts_or_ip: "10.122.54.101" })), [netadmin, "unused"])
  })

  it("1.1.2 Get Hosts: the four sample requests and the documented errors", async () => {
    const all = await server.get("/api/v1/hosts", token)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ current_page: 1, total_pages: 1 })
    expect(Object.keys(hosts(all.body)[0]!).sort()).toEqual([
      "connection_type", "created_by", "created_time", "family", "hardware", "host_username", "hostname", "jump_host", "location",
      "os_type", "port_number", "region", "roles", "software_platform", "software_version", "ts_or_ip"
    ])
    expect(hosts((await server.get("/api/v1/hosts?region=SJ Labs", token)).body)).toHaveLength(4)
    expect(await server.get("/api/v1/hosts?region=SJ Labs&page=2", token)).toMatchObject({
      status: 400,
      body: { api_response: { status: "FAILED", status_message: "Unknown page number '2'." } }
    })
    expect((await server.get("/api/v1/hosts?region=SJ%20Labs&family=ASR9K", token)).body).toEqual({
      api_response: { host_list: [] },
      current_page: 1,
      total_pages: 0
    })
    expect(await server.get("/api/v1/hosts?region=SJ Lab", token)).toMatchObject({ status: 400 })
  })

  it("1.3 Schedule an Installation: Pre-Upgrade, Add and Activate as written, with the job ids they depend on", async () => {
    // Jobs 1 and 2 (of R1 and R2), 115 jobs of other hosts, then job 118, R2's Commit.
    const at = { scheduled_time: "06-01-2016 08:00 AM", utc_offset: "-07:00" }
    const first = await server.post("/api/v1/install", [{ hostname: "R1", install_action: "Pre-Upgrade", ...at }, { hostname: "R2", install_action: "Pre-Upgrade", ...at }], token)
    expect(jobs(first.body).map((job) => [job["id"], job["hostname"]])).toEqual([[1, "R1"], [2, "R2"]])
    const fillers = Array.from({ length: 23 }, (_, i) => `F${String(i).padStart(2, "0")}`)
    await server.post("/api/v1/hosts", fillers.map((hostname) => ({ hostname, region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.1" })), ["netadmin", "netadmin-pw"])
    const filled = await server.post("/api/v1/install", fillers.flatMap((hostname) =>
      ["Pre-Upgrade", "Post-Upgrade", "Commit", "Remove", "Deactivate"].map((install_action) => ({
        hostname,
        install_action,
        ...(install_action === "Remove" || install_action === "Deactivate" ? { software_packages: packages } : {})
      }))), token)
    expect(jobs(filled.body).at(-1)?.["id"]).toBe(117)
    await server.post("/api/v1/install", [{ hostname: "R2", install_action: "Commit", scheduled_time: "06-01-2016 09:00 AM", utc_offset: "-07:00" }], token)

    const preUpgrade = await server.post("/api/v1/install", [{
      hostname: "R2",
      install_action: "Pre-Upgrade",
      scheduled_time: "06-15-2016 03:15 PM",
      utc_offset: "-07:00",
      command_profile: "Test Commands",
      dependency: "118"
    }], token)
    expect([preUpgrade.status, preUpgrade.body]).toEqual([200, {
      api_response: { install_job_list: [{ status: "SUCCESS", id: 119, hostname: "R2", install_action: "Pre-Upgrade" }] }
    }])
    const add = await server.post("/api/v1/install", [{
      hostname: "R2",
      install_action: "Add",
      scheduled_time: "06-21-2016 07:05 AM",
      utc_offset: "-07:00",
      server_repository: "My_Repository",
      software_packages: packages,
      dependency: "2"
    }], token)
    expect([add.status, jobs(add.body)]).toEqual([200, [{ status: "SUCCESS", id: 120, hostname: "R2", install_action: "Add" }]])
    const activate = await server.post("/api/v1/install", {
      hostname: "R1",
      install_action: "Activate",
      scheduled_time: "06-02-2016 08:00 AM",
      utc_offset: "-07:00",
      software_packages: packages,
      dependency: "1"
    }, token)
    expect([activate.status, jobs(activate.body)]).toEqual([200, [{ status: "SUCCESS", id: 121, hostname: "R1", install_action: "Activate" }]])
  })

  it("1.3.1 the FAILED answer: scheduled_time without utc_offset", async () => {
    const row = { hostname: "R2", install_action: "Pre-Upgrade", scheduled_time: "06-15-2016 03:15 PM", command_profile: "Test Commands", dependency: "118" }
    const reply = await server.post("/api/v1/install", [row], token)
    expect([reply.status, reply.body]).toEqual([400, {
      api_response: {
        install_job_list: [{ ...row, status: "FAILED", status_message: "Missing utc_offset. If scheduled_time is submitted, utc_offset is also required." }]
      }
    }])
  })

  it("1.3.4 Get Install Jobs: the six sample requests", async () => {
    expect(jobs((await server.get("/api/v1/install", token)).body)).toHaveLength(121)
    expect(jobs((await server.get("/api/v1/install?id=1", token)).body)).toMatchObject([{ id: 1, hostname: "R1", install_action: "Pre-Upgrade", status: "scheduled" }])
    expect(jobs((await server.get("/api/v1/install?hostname=R1", token)).body).map((job) => job["id"])).toEqual([1, 121])
    expect(jobs((await server.get("/api/v1/install?hostname=R1&install_action=Add", token)).body)).toEqual([])
    expect(jobs((await server.get("/api/v1/install?hostname=R1&status=failed", token)).body)).toEqual([])
    // The other hosts' jobs (3 to 117) are due now, long after 2016.
    const fillers = Array.from({ length: 115 }, (_, i) => i + 3)
    const since = await server.get("/api/v1/install?scheduled_time=06-15-2016 03:15 PM&utc_offset=-07:00", token)
    expect(jobs(since.body).map((job) => job["id"])).toEqual([...fillers, 119, 120])
    // As the guide writes it: raw spaces, and a raw "+" that a URL query reads as a space.
    const raw = await server.get("/api/v1/install?scheduled_time=08-02-2016 08:00 AM&utc_offset=+07:00", token)
    expect([raw.status, jobs(raw.body).map((job) => job["id"])]).toEqual([200, fillers])
    expect(jobs((await server.get("/api/v1/install?id=119&utc_offset=-07:00", token)).body)[0]).toMatchObject({
      scheduled_time: "06-15-2016 03:15 PM",
      dependency: 118,
      custom_command_profile: "Test Commands"
    })
  })

  it("1.3.5 Delete Install Jobs: the three sample requests", async () => {
    expect(await server.delete("/api/v1/install/delete?id=180", token)).toMatchObject({
      status: 400,
      body: { api_response: { status: "FAILED", status_message: "Install job 180 does not exist." } }
    })
    const r1 = await server.delete("/api/v1/install/delete?hostname=R1", token)
    expect([r1.status, r1.body]).toEqual([200, { api_response: { install_job_list: [{ id: 1, status: "SUCCESS", deleted_dependencies: [121] }] } }])
    const failed = await server.delete("/api/v1/install/delete?hostname=R1&status=failed", token)
    expect([failed.status, failed.body]).toEqual([200, { api_response: { install_job_list: [] } }])
  })

  it("1.3.6 Get Logs: no session logs yet answers 400 in the envelope", async () => {
    expect(await server.get("/api/v1/install/logs/180", token)).toMatchObject({
      status: 400,
      body: { api_response: { status: "FAILED", status_message: "Install job 180 does not exist." } }
    })
  })

  it("1.1.3 Delete Host", async () => {
    const reply = await server.delete("/api/v1/hosts/My%20Host%202/delete", ["netadmin", "netadmin-pw"])
    expect([reply.status, reply.body]).toEqual([200, { api_response: { status: "SUCCESS", hostname: "My Host 2" } }])
  })
})
