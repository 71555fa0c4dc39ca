import { Clock, Effect, Result } from "effect"
import type { Referrers } from "../directories/commands.ts"
import { CommandProfiles } from "../directories/command-profiles.ts"
import type { Directory } from "../directories/directory.ts"
import { JumpHosts } from "../directories/jump-hosts.ts"
import type { DirectoryReadModel } from "../directories/projection.ts"
import { findEntry, listEntries, nameLookup } from "../directories/projection.ts"
import { Regions, regionsUsingRepository } from "../directories/regions.ts"
import { ServerRepositories } from "../directories/server-repositories.ts"
import { hostsBehindJumpHost, hostsInRegion } from "../hosts/projection.ts"
import type { InstallJob } from "../install/jobs-projection.ts"
import { nameKey } from "../shared/names.ts"
import { toIsoTime } from "../shared/time.ts"
import { commit, retryOnConflict } from "./commit.ts"
import { ReadModels } from "./read-models.ts"
import type { Views } from "./read-models.ts"
import { saveRows } from "./save-rows.ts"
import { SecretBox } from "./secrets.ts"
import { decideOn } from "./stream-change.ts"

/**
 * The application side of one directory: bulk upsert, delete (refused while something refers to
 * the entry), and the list. `viewsOf` gives its rows what they may refer to; `referrersOf` says
 * who still uses an entry.
 */
const directoryService = <Tag extends string, F, V>(
  directory: Directory<Tag, F, V>,
  stateOf: (views: Views) => DirectoryReadModel<F>,
  viewsOf: (views: Views) => V,
  referrersOf: (views: Views, name: string) => ReadonlyArray<Referrers>
) => ({
  directory,
  save: (rows: ReadonlyArray<unknown>, actor: string) =>
    Effect.gen(function*() {
      const { views } = yield* ReadModels
      const box = yield* SecretBox
      const rowViews = viewsOf(views)
      return yield* saveRows({
        nameKey: directory.row.nameKey,
        validate: (row) => directory.validate(row, rowViews),
        seal: box.seal,
        command: (row) => ({ _tag: "SaveEntry" as const, ...row }),
        decider: directory.decider,
        stream: directory.stream
      }, rows, actor)
    }),
  delete: (name: string, actor: string) =>
    retryOnConflict(Effect.gen(function*() {
      const { views } = yield* ReadModels
      const time = toIsoTime(yield* Clock.currentTimeMillis)
      const command = { _tag: "DeleteEntry" as const, name, usedBy: referrersOf(views, name), time, by: actor }
      const stored = findEntry(stateOf(views), name)?.name ?? name
      const decided = yield* decideOn(directory.decider, directory.stream(name), command)
      if (Result.isSuccess(decided)) yield* commit([decided.success], { actor })
      return Result.map(decided, () => stored)
    })),
  list: (name?: string) => Effect.map(Effect.service(ReadModels), ({ views }) => listEntries(directory, stateOf(views), name))
})

/** Ids of the jobs not yet run that name `name` through `field` (a repository or a profile). */
const pendingJobsUsing = (views: Views, name: string, uses: (job: InstallJob) => ReadonlyArray<string>): ReadonlyArray<string> => {
  const wanted = nameKey(name)
  return [...views.jobs.withStatus("scheduled")]
    .filter((job) => uses(job).some((used) => nameKey(used) === wanted))
    .map((job) => String(job.id))
}

const nothing = () => undefined

export const RegionsService = directoryService(
  Regions,
  (views) => views.regions,
  (views) => ({ serverRepositories: nameLookup(views.serverRepositories) }),
  (views, name) => [{ kind: "host", names: hostsInRegion(views.hosts, name) }]
)

export const JumpHostsService = directoryService(
  JumpHosts,
  (views) => views.jumpHosts,
  nothing,
  (views, name) => [{ kind: "host", names: hostsBehindJumpHost(views.hosts, name) }]
)

export const ServerRepositoriesService = directoryService(
  ServerRepositories,
  (views) => views.serverRepositories,
  nothing,
  (views, name) => [
    { kind: "region", names: regionsUsingRepository(views.regions, name) },
    { kind: "install job", names: pendingJobsUsing(views, name, (job) => job.serverRepository === undefined ? [] : [job.serverRepository]) }
  ]
)

export const CommandProfilesService = directoryService(
  CommandProfiles,
  (views) => views.commandProfiles,
  nothing,
  (views, name) => [{ kind: "install job", names: pendingJobsUsing(views, name, (job) => job.commandProfiles) }]
)
