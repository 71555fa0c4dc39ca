import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ServerProcess } from "../packages/server/src/testing/server-process.ts"
import { temporaryDirectory } from "../packages/server/src/testing/server-process.ts"
import { ADMIN, startCsm } from "./harness/csm.ts"
import { jobById, listJobs, schedule, waitForJobs } from "./harness/jobs.ts"
import type { Lab, Router } from "./harness/lab.ts"
import { addHosts, addRegion, addTftpRepository, makeLab } from "./harness/lab.ts"

/** Issue 6 item 6: a failing Activate blocks its dependents; deleting a job deletes its dependents, which never run. */

const TIME_SCALE = 0.001
const SMU = "asr9k-px-5.3.3.CSCuz05961.pie"
const SMU_NAME = "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"
const tmp = temporaryDirectory()
const lab: Lab = makeLab()
let server: ServerProcess
let failing: Router
let slow: Router

beforeAll(async () => {
  server = await startCsm({ timeScale: TIME_SCALE, dataDir: tmp.path })
  failing = await lab.router({
    flavour: "xr",
    hostname: "PE3",
    timeScale: TIME_SCALE,
    faults: { failOperation: { action: "activate", mode: "fail", errorLines: ["The package is not compatible with the active software."] } }
  })
  // The Pre-Upgrade's first capture answers after one real second: time to delete what waits on it.
  slow = await lab.router({ flavour: "xr", hostname: "PE4", timeScale: TIME_SCALE, faults: { responseDelay: [{ pattern: "^show running-config", seconds: 1000 }] } })
  await addRegion(server)
  await addTftpRepository(server, "repo-533", "10.1.1.10/images/533")
  await addHosts(server, [
    { hostname: "failing", router: failing, transport: "ssh" },
    { hostname: "deleting", router: slow, transport: "telnet" }
  ])
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await lab.stop()
  tmp.remove()
})

describe("a failing install job", () => {
  it("fails with the device's reason, and its dependent stays scheduled, blocked", async () => {
    const [addId, activateId, commitId] = await schedule(server, [
      { hostname: "failing", install_action: "Add", server_repository: "repo-533", software_packages: SMU },
      { hostname: "failing", install_action: "Activate", software_packages: SMU },
      { hostname: "failing", install_action: "Commit" }
    ])
    const rows = await waitForJobs(
      server,
      (rows) => rows.find((row) => row.id === commitId)?.status_message.startsWith("Blocked") === true,
      20_000,
      "hostname=failing"
    )
    const [add, activate, commit] = [addId, activateId, commitId].map((id) => rows.find((row) => row.id === id)!)
    expect(add).toMatchObject({ status: "completed" })
    expect(activate).toMatchObject({ status: "failed", status_message: expect.stringMatching(/^Operation \d+ failed$/) })
    const warnings = activate!.warnings_or_errors
    expect(warnings).toContain("WARNING: [Install Activate] The package is not compatible with the active software.")
    expect(warnings).toContain(`ERROR: [Install Activate] ${activate!.status_message}`)
    expect(commit).toMatchObject({ status: "scheduled", start_time: "", status_message: `Blocked: dependency job ${activateId} failed.` })
    expect(failing.model.state().packages.xr.active).not.toContain(SMU_NAME)
  })
})

describe("deleting a scheduled job", () => {
  it("deletes its dependents with it, and none of them runs", async () => {
    const [preId] = await schedule(server, [{ hostname: "deleting", install_action: "Pre-Upgrade" }])
    const [addId, activateId] = await schedule(server, [
      { hostname: "deleting", install_action: "Add", server_repository: "repo-533", software_packages: SMU, dependency: preId },
      { hostname: "deleting", install_action: "Activate", software_packages: SMU }
    ])
    // Due as soon as the Pre-Upgrade completes, like the deleted Add: once it has run, the Add would have.
    const [commitId] = await schedule(server, [{ hostname: "deleting", install_action: "Commit", dependency: preId }])

    const deleted = await server.delete(`/api/v1/install/delete?id=${addId}`, ADMIN)
    expect(deleted.status).toBe(200)
    expect(deleted.body).toEqual({ api_response: { install_job_list: [{ id: addId, status: "SUCCESS", deleted_dependencies: [activateId] }] } })
    expect((await jobById(server, preId!)).status).not.toBe("completed")

    await waitForJobs(server, (rows) => rows.some((row) => row.id === commitId && row.status === "completed"), 20_000, "hostname=deleting")
    expect((await listJobs(server, "hostname=deleting")).map((row) => [row.id, row.status])).toEqual([
      [preId, "completed"],
      [commitId, "completed"]
    ])
    for (const id of [addId, activateId]) expect((await server.get(`/api/v1/install?id=${id}`, ADMIN)).status).toBe(400)
    const packages = slow.model.state().packages.xr
    expect([...packages.inactive, ...packages.active]).not.toContain(SMU_NAME)
  })
})
