import { Result, Schema } from "effect"
import { byName, CommaList, nameKey, RegionName, ServerRepositoryName } from "../shared/names.ts"
import { defineDirectory } from "./directory.ts"
import type { DirectoryReadModel } from "./projection.ts"
import type { NameLookup } from "../shared/name-lookup.ts"
import { existing } from "../shared/name-lookup.ts"

/** A region groups hosts and names the server repositories they use. */
export const RegionEntry = Schema.Struct({
  server_repositories: Schema.optionalKey(Schema.Array(Schema.String))
})
export type RegionEntry = typeof RegionEntry.Type

/** What a region row needs to see: the server repositories. */
export interface RegionViews {
  readonly serverRepositories: NameLookup
}

export const Regions = defineDirectory({
  tag: "Region",
  label: "region",
  category: "region",
  listKey: "region_list",
  row: {
    nameKey: "region_name",
    name: RegionName,
    inputs: { server_repositories: CommaList(ServerRepositoryName) },
    secrets: [],
    required: []
  },
  entry: RegionEntry,
  resolve: (changes, views: RegionViews) => {
    if (changes.server_repositories === undefined) return Result.succeed(changes)
    const names = new Map<string, string>()
    for (const name of changes.server_repositories) {
      const stored = existing(views.serverRepositories, "Server repository", name)
      if (Result.isFailure(stored)) return Result.fail(stored.failure)
      names.set(nameKey(stored.success), stored.success)
    }
    return Result.succeed({ ...changes, server_repositories: [...names.values()] })
  }
})

/** The regions that list a server repository, by name. */
export const regionsUsingRepository = (state: DirectoryReadModel<RegionEntry>, repository: string): ReadonlyArray<string> => {
  const wanted = nameKey(repository)
  return [...state.values()]
    .filter((region) => region.entry.server_repositories?.some((name) => nameKey(name) === wanted))
    .sort(byName)
    .map((region) => region.name)
}
