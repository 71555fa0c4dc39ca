import { strFromU8, unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { dig } from "../testing/client.ts"
import { jobEvents, logChunks } from "../testing/events.ts"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const netadmin = ["netadmin", "netadmin-pw"] as const
const operator = ["operator", "operator-pw"] as const
const viewer = ["viewer", "viewer-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })
const jobs = (body: unknown) => dig(body, "api_response", "install_job_list") as ReadonlyArray<Record<string, unknown>>
const ids = (body: unknown) => jobs(body).map((job) => job["id"])

const packages = "asr9k-px-5.3.3.CSCuz05961.pie,asr9k-px-5.3.3.CSCux89921.pie"

describe("/api/v1/install (API.md §7)", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
    await server.post("/api/v1/server_repositories", { hostname: "My_Repository", server_type: "LOCAL", device_path: "harddisk:" }, netadmin)
    await server.post("/api/v1/custom_command_profiles", { profile_name: "Test Commands", command_list: ["show version"] }, netadmin)
    await server.post("/api/v1/regions", { region_name: "SJ Labs", server_repositories: "My_Repository" }, netadmin)
    await server.post("/api/v1/hosts", ["R1", "R2", "R3"].map((hostname) => ({
      hostname,
      region: "SJ Labs",
      connection_type: "ssh",
      ts_or_ip: "10.0.0.1"
    })), netadmin)
  })
  afterAll(() => server.close())

  it("schedules jobs host by host in the implicit order, each depending on the one before", async () => {
    const reply = await server.post("/api/v1/install", [
      { hostname: "R1", install_action: "Activate", software_packages: packages },
      { hostname: "R1", install_action: "Pre-Upgrade", command_profile: "Test Commands" },
      { hostname: "R1", install_action: "Add", server_repository: "My_Repository", software_packages: packages }
    ], operator)
    expect([reply.status, reply.body]).toEqual([200, {
      api_response: {
        install_job_list: [
          { status: "SUCCESS", id: 1, hostname: "R1", install_action: "Pre-Upgrade" },
          { status: "SUCCESS", id: 2, hostname: "R1", install_action: "Add" },
          { status: "SUCCESS", id: 3, hostname: "R1", install_action: "Activate" }
        ]
      }
    }])
    const add = await server.get("/api/v1/install?id=2", viewer)
    expect(jobs(add.body)).toEqual([{
      id: 2,
      install_action: "Add",
      dependency: 1,
      server: "My_Repository",
      server_directory: "",
      packages,
      pending_downloads: "",
      scheduled_time: jobs(add.body)[0]!["scheduled_time"],
      start_time: "",
      status: "scheduled",
      status_time: "",
      status_message: "",
      trace: "",
      created_by: "operator",
      hostname: "R1",
      custom_command_profile: "",
      package_change_list: "",
      warnings_or_errors: ""
    }])
    expect(String(jobs(add.body)[0]!["scheduled_time"])).toMatch(/ GMT$/)
  })

  it("phase 1 refuses the whole request when a row is invalid: 400, every row echoed, nothing written", async () => {
    const before = await server.logLength()
    const row = { hostname: "R2", install_action: "Pre-Upgrade", scheduled_time: "06-15-2016 03:15 PM", command_profile: "Test Commands", dependency: "118" }
    const reply = await server.post("/api/v1/install", [row, { hostname: "R3", install_action: "Commit" }, { hostname: "R9", install_action: "Commit" }], operator)
    expect([reply.status, reply.body]).toEqual([400, {
      api_response: {
        install_job_list: [
          { ...row, status: "FAILED", status_message: "Missing utc_offset. If scheduled_time is submitted, utc_offset is also required." },
          { hostname: "R3", install_action: "Commit", status: "FAILED", status_message: "Not submitted. Check other jobs for error message." },
          { hostname: "R9", install_action: "Commit", status: "FAILED", status_message: `Host "R9" does not exist.` }
        ]
      }
    }])
    const duplicate = await server.post("/api/v1/install", [{ hostname: "R3", install_action: "Commit" }, { hostname: "r3", install_action: "Commit" }], operator)
    expect(duplicate.status).toBe(400)
    expect(jobs(duplicate.body)[1]!["status_message"]).toMatch(/^More than one entry with the same hostname/)
    expect(await server.logLength()).toBe(before)
  })

  it.each([
    [{ hostname: "R2", install_action: "Upgrade" }, "'install_action' must be one of Pre-Upgrade, Add, Activate, Post-Upgrade, Commit, Remove, Deactivate."],
    [{ hostname: "R2" }, "The following required key, 'install_action', is missing."],
    [{ hostname: "R2", install_action: "Add", software_packages: packages }, "The following required key, 'server_repository', is missing."],
    [{ hostname: "R2", install_action: "Add", server_repository: "Nope", software_packages: packages }, `Server repository "Nope" does not exist.`],
    [{ hostname: "R2", install_action: "Post-Upgrade", command_profile: "Nope" }, `Command profile "Nope" does not exist.`],
    [{ hostname: "R2", install_action: "Remove", software_packages: packages, dependency: 1 }, "The following key, 'dependency', is invalid for install_action Remove."],
    [{ hostname: "R2", install_action: "Activate", software_packages: "a.pie; reload" }, `'software_packages' must contain only letters, digits and . _ : / - (not "a.pie; reload").`],
    [{ hostname: "R2", install_action: "Commit", scheduled_time: "13-01-2016 08:00 AM", utc_offset: "-07:00" }, `'scheduled_time' must be a real date (not "13-01-2016 08:00 AM").`]
  ])("phase 1 refuses %j: %s", async (row, message) => {
    const reply = await server.post("/api/v1/install", [row], operator)
    expect(reply.status).toBe(400)
    expect(jobs(reply.body)[0]!["status_message"]).toBe(message)
  })

  it("answers 207 when a dependency cannot be resolved; the other rows are created", async () => {
    const reply = await server.post("/api/v1/install", [
      { hostname: "R2", install_action: "Commit", dependency: 999 },
      { hostname: "R3", install_action: "Commit", dependency: "Add" }
    ], operator)
    expect(reply.status).toBe(207)
    expect(jobs(reply.body)).toEqual([
      { status: "FAILED", hostname: "R2", install_action: "Commit", status_message: "Dependency install job 999 does not exist." },
      {
        status: "FAILED",
        hostname: "R3",
        install_action: "Commit",
        status_message: `Dependency "Add" cannot be resolved: no Add job of host "R3" is scheduled at or before this job.`
      }
    ])
    const mixed = await server.post("/api/v1/install", [
      { hostname: "R2", install_action: "Commit", dependency: 999 },
      { hostname: "R3", install_action: "Post-Upgrade", scheduled_time: "06-02-2016 08:00 AM", utc_offset: "-07:00" }
    ], operator)
    expect(mixed.status).toBe(207)
    expect(jobs(mixed.body)[1]).toEqual({ status: "SUCCESS", id: 4, hostname: "R3", install_action: "Post-Upgrade" })
  })

  it("queries by host, action, status and time; times are local when utc_offset is given", async () => {
    expect(ids((await server.get("/api/v1/install", viewer)).body)).toEqual([1, 2, 3, 4])
    expect(ids((await server.get("/api/v1/install?hostname=r1&install_action=Add", viewer)).body)).toEqual([2])
    expect(ids((await server.get("/api/v1/install?hostname=R3&status=scheduled", viewer)).body)).toEqual([4])
    expect(ids((await server.get("/api/v1/install?status=failed", viewer)).body)).toEqual([])
    const local = await server.get("/api/v1/install?hostname=R3&utc_offset=-07:00", viewer)
    expect(jobs(local.body)[0]).toMatchObject({ id: 4, scheduled_time: "06-02-2016 08:00 AM" })
    const gmt = await server.get("/api/v1/install?hostname=R3", viewer)
    expect(jobs(gmt.body)[0]).toMatchObject({ scheduled_time: "Thu, 02 Jun 2016 15:00:00 GMT" })
    const since = await server.get("/api/v1/install?scheduled_time=06-02-2016 08:01 AM&utc_offset=-07:00", viewer)
    expect(ids(since.body)).toEqual([1, 2, 3])
    const sinceOffset = await server.get("/api/v1/install?scheduled_time=06-02-2016%2003:00%20PM&utc_offset=%2B00:00", viewer)
    expect(ids(sinceOffset.body)).toEqual([1, 2, 3, 4])
  })

  it.each([
    ["hostname=R77", "Unknown hostname 'R77'."],
    ["install_action=Upgrade", "'install_action' must be one of Pre-Upgrade, Add, Activate, Post-Upgrade, Commit, Remove, Deactivate."],
    ["status=running", "'status' must be one of scheduled, in-progress, completed, failed."],
    ["scheduled_time=06-02-2016 08:00 AM", "Missing utc_offset. If scheduled_time is submitted, utc_offset is also required."],
    ["scheduled_time=2016-06-02&utc_offset=-07:00", `'scheduled_time' must be "mm-dd-yyyy hh:mm AM|PM", e.g. "06-15-2016 03:15 PM" (not "2016-06-02").`],
    ["utc_offset=-15:00", `'utc_offset' must be "+hh:mm" or "-hh:mm" between -12:00 and +14:00, e.g. "-07:00" (not "-15:00").`],
    ["id=999", "Install job 999 does not exist."],
    ["id=abc", "'id' must be a positive integer."],
    ["id=0", "'id' must be a positive integer."]
  ])("GET /install?%s is refused: %s", async (query, message) => {
    expect(await server.get(`/api/v1/install?${query}`, viewer)).toMatchObject({ status: 400, body: failed(message) })
  })

  it("deletes a job with its dependents, reports the refused ones, and names unknown selections", async () => {
    const cascade = await server.delete("/api/v1/install/delete?id=1", operator)
    expect([cascade.status, cascade.body]).toEqual([200, { api_response: { install_job_list: [{ id: 1, status: "SUCCESS", deleted_dependencies: [2, 3] }] } }])
    await server.post("/api/v1/install", [{ hostname: "R2", install_action: "Commit" }, { hostname: "R2", install_action: "Pre-Upgrade" }], operator)
    await server.run(jobEvents(5, "in-progress"))
    const host = await server.delete("/api/v1/install/delete?hostname=R2", operator)
    expect([host.status, host.body]).toEqual([207, {
      api_response: {
        install_job_list: [
          { id: 5, status: "FAILED", status_message: "Unable to delete install job 5 as it is in progress." },
          { id: 6, status: "SUCCESS" }
        ]
      }
    }])
    await server.run(jobEvents(4, "failed"))
    expect((await server.delete("/api/v1/install/delete?status=failed", operator)).body).toEqual({
      api_response: { install_job_list: [{ id: 4, status: "SUCCESS" }] }
    })
    expect(await server.delete("/api/v1/install/delete?id=4", operator)).toMatchObject({ status: 400, body: failed("Install job 4 does not exist.") })
    expect(await server.delete("/api/v1/install/delete?hostname=R77", operator)).toMatchObject({ status: 400, body: failed("Unknown hostname 'R77'.") })
    expect(await server.delete("/api/v1/install/delete?status=completed", operator)).toMatchObject({
      status: 400,
      body: failed("'status' must be one of scheduled, failed.")
    })
    expect(await server.delete("/api/v1/install/delete", operator)).toMatchObject({
      status: 400,
      body: failed("Give an id, a hostname or a status to select the install jobs to delete.")
    })
  })

  it("GET /install/logs/<id>: a zip of the files recorded so far; none yet, an unknown or a bad id, in the envelope", async () => {
    expect(await server.get("/api/v1/install/logs/5", operator)).toMatchObject({ status: 400, body: failed("No session logs for install job 5 yet.") })
    const dir = "R3-2016_07_04_08_00_00-5"
    await server.run(logChunks(5, [[`${dir}/session.log`, "Username: cisco\n"], [`${dir}/steps.log`, "INFO [Connection] ok\n"]]))
    const running = await server.get("/api/v1/install/logs/5", operator)
    expect(running.headers.get("content-type")).toBe("application/zip")
    expect(running.headers.get("content-disposition")).toBe(`attachment; filename="install-job-5-logs.zip"`)
    expect(Object.keys(unzipSync(running.bytes))).toEqual([`${dir}/session.log`, `${dir}/steps.log`])
    await server.run(logChunks(5, [[`${dir}/session.log`, "RP/0/RSP0/CPU0:R3#\n"], [`${dir}/show-running-config.txt`, "hostname R3\n"]]))
    const files = unzipSync((await server.get("/api/v1/install/logs/5", operator)).bytes)
    expect(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual({
      [`${dir}/session.log`]: "Username: cisco\nRP/0/RSP0/CPU0:R3#\n",
      [`${dir}/steps.log`]: "INFO [Connection] ok\n",
      [`${dir}/show-running-config.txt`]: "hostname R3\n"
    })
    expect((await server.get("/api/v1/install/logs/5", viewer)).status).toBe(401)
    expect(await server.get("/api/v1/install/logs/999", operator)).toMatchObject({ status: 400, body: failed("Install job 999 does not exist.") })
    expect(await server.get("/api/v1/install/logs/x", operator)).toMatchObject({ status: 400, body: failed("'id' must be a positive integer.") })
  })

  it("phase 1 refuses a row that repeats a job not yet run", async () => {
    const row = { hostname: "R3", install_action: "Activate", software_packages: packages, scheduled_time: "07-04-2016 10:00 AM", utc_offset: "+02:00" }
    const first = await server.post("/api/v1/install", [row], operator)
    const id = jobs(first.body)[0]!["id"]
    const again = await server.post("/api/v1/install", [{ ...row, software_packages: packages.split(",").reverse() }], operator)
    expect([again.status, jobs(again.body)[0]!["status_message"]]).toEqual([
      400,
      `This duplicates install job ${id}, which has the same hostname, install_action, software_packages and scheduled_time and has not run yet.`
    ])
  })

  it("more than 5000 matches asks for a narrower query", async () => {
    const hosts = Array.from({ length: 715 }, (_, i) => `M${i}`)
    await server.post("/api/v1/hosts", hosts.map((hostname) => ({ hostname, region: "SJ Labs", connection_type: "ssh", ts_or_ip: "10.0.0.9" })), netadmin)
    const rows = hosts.flatMap((hostname) => [
      { hostname, install_action: "Pre-Upgrade" },
      { hostname, install_action: "Add", server_repository: "My_Repository", software_packages: packages },
      { hostname, install_action: "Activate", software_packages: packages },
      { hostname, install_action: "Post-Upgrade" },
      { hostname, install_action: "Commit" },
      { hostname, install_action: "Remove", software_packages: packages },
      { hostname, install_action: "Deactivate", software_packages: packages }
    ])
    expect((await server.post("/api/v1/install", rows, operator)).status).toBe(200)
    expect(await server.get("/api/v1/install", viewer)).toMatchObject({ status: 400, body: failed("Too many results; please refine your request.") })
    expect(ids((await server.get("/api/v1/install?hostname=M7", viewer)).body)).toHaveLength(7)
  })
})
