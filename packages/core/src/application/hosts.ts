import { Clock, Effect, Result } from "effect"
import { nameLookup } from "../directories/projection.ts"
import { hostDecider } from "../hosts/decider.ts"
import { hostStream } from "../hosts/events.ts"
import { findHost } from "../hosts/projection.ts"
import { validateHostRow } from "../hosts/validate.ts"
import { installJobStream } from "../install/events.ts"
import { installJobDecider } from "../install/job-decider.ts"
import type { NameLookup } from "../shared/name-lookup.ts"
import { toIsoTime } from "../shared/time.ts"
import { commit, retryOnConflict } from "./commit.ts"
import { ReadModels } from "./read-models.ts"
import type { Views } from "./read-models.ts"
import { saveRows } from "./save-rows.ts"
import { SecretBox } from "./secrets.ts"
import type { StreamChange } from "./stream-change.ts"
import { decideOn } from "./stream-change.ts"

/** Hosts by name, spelled as stored. */
export const hostLookup = (views: Views): NameLookup => ({ canonical: (name) => findHost(views.hosts, name)?.name })

/** `POST /api/v1/hosts`: create or update each row's host. */
export const saveHosts = (rows: ReadonlyArray<unknown>, actor: string) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const box = yield* SecretBox
    const lookups = { regions: nameLookup(views.regions), jumpHosts: nameLookup(views.jumpHosts) }
    return yield* saveRows({
      nameKey: "hostname",
      validate: (row) => validateHostRow(row, lookups),
      seal: box.seal,
      command: (row) => ({ _tag: "SaveHost" as const, ...row }),
      decider: hostDecider,
      stream: hostStream
    }, rows, actor)
  })

/**
 * `DELETE /api/v1/hosts/<name>/delete`: the host goes, and its scheduled and failed jobs with it,
 * in one write; completed jobs stay as history. A host with a running job stays.
 */
export const deleteHost = (name: string, actor: string) =>
  retryOnConflict(Effect.gen(function*() {
    const { views } = yield* ReadModels
    const at = yield* Clock.currentTimeMillis
    const canonical = findHost(views.hosts, name)?.name ?? name
    const jobs = [...views.jobs.ofHost(canonical)]
    const running = jobs.find((job) => job.status === "in-progress")
    const decided = yield* decideOn(hostDecider, hostStream(name), {
      _tag: "DeleteHost",
      name,
      ...(running !== undefined && { inProgressJob: running.id }),
      time: toIsoTime(at),
      by: actor
    })
    if (Result.isFailure(decided)) return Result.fail(decided.failure)
    const changes: Array<StreamChange> = [decided.success]
    for (const job of jobs) {
      const command = { _tag: "DeleteInstallJob", id: job.id, cause: { _tag: "HostDeleted" }, now: at } as const
      // Completed jobs stay as the host's history; the decider refuses to delete them.
      const deleted = yield* decideOn(installJobDecider, installJobStream(job.id), command)
      if (Result.isSuccess(deleted)) changes.push(deleted.success)
    }
    yield* commit(changes, { actor })
    return Result.succeed(canonical)
  }))
