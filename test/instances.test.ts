import { leaseExpired } from "@csm/core"
import type { RecordedEvent } from "@csm/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { skipNote, testUrl } from "../packages/adapters-store/src/postgres/testing/test-database.ts"
import type { JobRow } from "./harness/jobs.ts"
import type { InstancesRun } from "./instances.scenario.ts"
import { LEASE_SECONDS, runInstances } from "./instances.scenario.ts"

let run: InstancesRun

const data = (event: RecordedEvent) => event.data as { readonly id: number; readonly hostname?: string; readonly instance?: string }
const ofType = (type: string) => run.log.filter((event) => event.type === type).map(data)
const byId = (rows: ReadonlyArray<JobRow>) => new Map(rows.map((row) => [row.id, row]))

describe.skipIf(testUrl === undefined)(`two csm-server instances on one PostgreSQL store (${testUrl === undefined ? skipNote : "CSM_TEST_POSTGRES"})`, () => {
  beforeAll(async () => {
    run = await runInstances(testUrl!)
  }, 240_000)
  afterAll(() => run?.stop())

  it("share the first Admin, the secret key and the tokens", () => {
    expect(run.tokenAcceptedByOther).toBe(true)
    expect(run.instances.survivor).not.toBe(run.instances.killed)
  })

  it("both list the 200 jobs right after one of them scheduled them", () => {
    const shape = (rows: ReadonlyArray<JobRow>) => rows.map(({ id, hostname, install_action, dependency }) => ({ id, hostname, install_action, dependency }))
    expect(run.justScheduled.survivor).toHaveLength(200)
    expect(shape(run.justScheduled.other)).toEqual(shape(run.justScheduled.survivor))
  })

  it("run every job at most once, end each started job once, and start only the two instances' claims", () => {
    const started = ofType("InstallJobStarted")
    const ended = [...ofType("InstallJobCompleted"), ...ofType("InstallJobFailed")]
    expect(new Set(started.map((event) => event.id)).size).toBe(started.length)
    expect(ended.map((event) => event.id).sort((a, b) => a - b)).toEqual(started.map((event) => event.id).sort((a, b) => a - b))
    expect(new Set(started.map((event) => event.instance))).toEqual(new Set([run.instances.survivor, run.instances.killed]))
    expect(ofType("InstallHostClaimed").map((event) => event.id).sort((a, b) => a - b)).toEqual(started.map((event) => event.id).sort((a, b) => a - b))
  })

  it("never run two jobs of one host at once, by the order of the shared log", () => {
    const hostOf = new Map(ofType("InstallJobScheduled").map((event) => [event.id, event.hostname!]))
    const busy = new Map<string, number>()
    for (const event of run.log) {
      if (event.type === "InstallJobStarted") {
        const host = hostOf.get(data(event).id)!
        expect(busy.get(host), `${host} runs job ${busy.get(host)} when job ${data(event).id} starts`).toBeUndefined()
        busy.set(host, data(event).id)
      }
      if (event.type === "InstallJobCompleted" || event.type === "InstallJobFailed") busy.delete(hostOf.get(data(event).id)!)
    }
  })

  it("fail the killed instance's running jobs once its lease ran out, and block what depends on them", () => {
    expect(run.runningAtKill.length).toBeGreaterThan(0)
    const rows = byId(run.final.survivor)
    for (const id of run.runningAtKill) {
      expect(rows.get(id)).toMatchObject({ status: "failed", status_message: leaseExpired(LEASE_SECONDS * 1000) })
      const dependents = run.final.survivor.filter((row) => row.dependency === id)
      for (const dependent of dependents) expect(dependent).toMatchObject({ status: "scheduled", status_message: `Blocked: dependency job ${id} failed.` })
    }
  })

  it("the survivor runs all the rest to completion", () => {
    const interrupted = new Set(run.runningAtKill)
    const blocked = new Set(run.final.survivor.filter((row) => row.dependency !== "" && interrupted.has(row.dependency)).map((row) => row.id))
    const rest = run.final.survivor.filter((row) => !interrupted.has(row.id) && !blocked.has(row.id))
    expect(rest.length).toBeGreaterThan(150)
    expect(rest.filter((row) => row.status !== "completed")).toEqual([])
    const lapsed = leaseExpired(LEASE_SECONDS * 1000)
    const killedAt = run.log.findIndex((event) => (event.data as { readonly status_message?: string }).status_message === lapsed)
    const startedLater = run.log.slice(killedAt).filter((event) => event.type === "InstallJobStarted").map(data)
    expect(startedLater.every((event) => event.instance === run.instances.survivor)).toBe(true)
  })

  it("a server started afterwards on the same store lists exactly what the survivor lists", () => {
    expect(run.final.late).toEqual(run.final.survivor)
  })
})
