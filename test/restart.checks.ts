import { INTERRUPTED_BY_RESTART } from "@csm/core"
import { describe, expect, it } from "vitest"
import type { JobRow } from "./harness/jobs.ts"
import { instant } from "./harness/jobs.ts"
import type { RestartRun } from "./restart.scenario.ts"
import { ADD_COMMAND } from "./restart.scenario.ts"

/** The assertions on a `runRestart`, registered by the test file that ran it. */

const rowOf = (rows: ReadonlyArray<JobRow>, id: number) => rows.find((row) => row.id === id)
const without = (rows: ReadonlyArray<JobRow>, ...ids: ReadonlyArray<number>) => rows.filter((row) => !ids.includes(row.id))

export const restartChecks = (run: () => RestartRun) =>
  describe("csm-server killed while a job runs, then started again on the same data directory", () => {
    it("was killed while the Add ran", () => {
      const { ids, killed, before } = run()
      expect(killed).toEqual({ code: null, signal: "SIGKILL" })
      expect(rowOf(before.jobs, ids.interrupted)).toMatchObject({ status: "in-progress" })
      expect(rowOf(before.jobs, ids.later)).toMatchObject({ status: "scheduled" })
    })

    it("fails the interrupted job, saying a restart interrupted it", () => {
      const { ids, restarted } = run()
      expect(rowOf(restarted.jobs, ids.interrupted)).toMatchObject({ status: "failed", status_message: INTERRUPTED_BY_RESTART })
    })

    it("keeps the interrupted job's logs as they were stored before the kill", () => {
      const { before, restarted } = run()
      expect(before.logs.files.get("session.log")).toContain(ADD_COMMAND)
      expect(restarted.logs.directory).toBe(before.logs.directory)
      for (const [file, text] of before.logs.files) expect(restarted.logs.files.get(file)?.startsWith(text), file).toBe(true)
      expect(restarted.logs.files.get("steps.log")).toContain("[Install Add]")
    })

    it("runs the job scheduled for later at its time, with the Pre-Upgrade's captures from before the kill", () => {
      const { ids, later, after } = run()
      const job = rowOf(after.jobs, ids.later)!
      // No "No Pre-Upgrade data to compare" warning: the Post-Upgrade found the earlier captures.
      expect(job).toMatchObject({ status: "completed", warnings_or_errors: "" })
      expect(instant(job.start_time)).toBeGreaterThanOrEqual(later.at.getTime())
    })

    it("keeps every other job and every host as they were", () => {
      const { ids, before, after } = run()
      expect(without(after.jobs, ids.interrupted, ids.later)).toEqual(without(before.jobs, ids.interrupted, ids.later))
      expect(rowOf(after.jobs, ids.pre)).toMatchObject({ status: "completed" })
      expect(rowOf(after.jobs, ids.far)).toMatchObject({ status: "scheduled" })
      expect(after.hosts).toEqual(before.hosts)
    })
  })
