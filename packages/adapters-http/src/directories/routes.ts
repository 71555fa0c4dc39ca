import {
  CommandProfilesService, JumpHostsService, keysOfServerType, RegionsService, ServerRepositoriesService
} from "@csm/core"
import type { Rejected, RowOutcome, RowSpec } from "@csm/core"
import { Effect, Schema } from "effect"
import type { Result } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import type { Services } from "../http/endpoint.ts"
import { bulk } from "../http/envelope.ts"
import { bulkShape, deletedShape, listShape } from "../http/shapes.ts"
import { rowSchema } from "../openapi/json-schema.ts"
import { deletedAnswer, listAnswer, named } from "../shared/rows.ts"

/** What the routes use of one directory's application service (`directories.ts` in the core). */
interface DirectoryService<F> {
  readonly directory: { readonly label: string; readonly listKey: string; readonly row: RowSpec<F, "password"> }
  readonly save: (rows: ReadonlyArray<unknown>, actor: string) => Effect.Effect<ReadonlyArray<RowOutcome>, unknown, Services>
  readonly delete: (name: string, actor: string) => Effect.Effect<Result.Result<string, Rejected>, unknown, Services>
  readonly list: (name?: string) => Effect.Effect<Result.Result<ReadonlyArray<unknown>, Rejected>, unknown, Services>
}

/** API.md §4: bulk upsert, list with an optional name filter, delete by name; Network Admins write. */
const endpointsOf = <F>(route: string, service: DirectoryService<F>, note?: string) => {
  const { label, listKey, row } = service.directory
  const nameKey = row.nameKey
  return [
    defineEndpoint({
      method: "POST",
      path: `/api/v1/${route}`,
      summary: `Create or update ${label}s`,
      access: "Network Admin",
      query: {},
      rows: rowSchema(row, note),
      responses: {
        "200": { description: "Every row succeeded.", body: bulkShape(listKey, nameKey) },
        "207": { description: "At least one row failed.", body: bulkShape(listKey, nameKey) }
      },
      handle: ({ caller, rows }) => Effect.map(service.save(rows, caller.user.name), (outcomes) => bulk(listKey, named(nameKey, outcomes)))
    }),
    defineEndpoint({
      method: "GET",
      path: `/api/v1/${route}`,
      summary: `List ${label}s (never their passwords)`,
      access: "Viewer",
      query: { [nameKey]: Schema.String },
      responses: { "200": { description: `The ${label}s.`, body: listShape(listKey) } },
      handle: ({ query }) => Effect.flatMap(service.list(query[nameKey]), listAnswer(listKey))
    }),
    defineEndpoint({
      method: "DELETE",
      path: `/api/v1/${route}/:${nameKey}/delete`,
      summary: `Delete a ${label} that nothing uses`,
      access: "Network Admin",
      query: {},
      responses: { "200": { description: `The ${label} was deleted.`, body: deletedShape(nameKey) } },
      handle: ({ caller, params }) => Effect.flatMap(service.delete(params[nameKey] ?? "", caller.user.name), deletedAnswer(nameKey))
    })
  ]
}

const keysByServerType = Object.entries(keysOfServerType).map(([type, keys]) => `${type}: ${keys.join(", ")}`).join("; ")

export const directoryEndpoints = [
  ...endpointsOf("regions", RegionsService),
  ...endpointsOf("jump_hosts", JumpHostsService),
  ...endpointsOf("server_repositories", ServerRepositoriesService, `Keys by server_type: ${keysByServerType}.`),
  ...endpointsOf("custom_command_profiles", CommandProfilesService)
]
