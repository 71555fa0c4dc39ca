import { deleteHost, hostRowSpec, listHosts, nameLookup, ReadModels, saveHosts } from "@csm/core"
import { Effect, Result, Schema } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { bulk, ok } from "../http/envelope.ts"
import { AnyRow, bulkShape, deletedShape } from "../http/shapes.ts"
import { rowSchema } from "../openapi/json-schema.ts"
import { deletedAnswer, named } from "../shared/rows.ts"
import { cachedPage } from "./page-cache.ts"

const HostPage = Schema.Struct({
  api_response: Schema.Struct({ host_list: Schema.Array(AnyRow) }),
  current_page: Schema.Number,
  total_pages: Schema.Number
})

/** API.md §5. */
export const hostEndpoints = [
  defineEndpoint({
    method: "POST",
    path: "/api/v1/hosts",
    summary: "Create or update hosts",
    access: "Network Admin",
    query: {},
    rows: rowSchema(hostRowSpec, "For an existing host, absent keys keep their value."),
    responses: {
      "200": { description: "Every row succeeded.", body: bulkShape("host_list", "hostname") },
      "207": { description: "At least one row failed.", body: bulkShape("host_list", "hostname") }
    },
    handle: ({ caller, rows }) => Effect.map(saveHosts(rows, caller.user.name), (outcomes) => bulk("host_list", named("hostname", outcomes)))
  }),
  defineEndpoint({
    method: "GET",
    path: "/api/v1/hosts",
    summary: "List hosts, 1000 a page, ordered by hostname",
    access: "Viewer",
    query: {
      hostname: Schema.String,
      region: Schema.String.annotate({ description: "A region that exists." }),
      family: Schema.String.annotate({ description: "ASR9K, CRS, NCS1K, NCS5K, NCS5500, NCS6K, ... (any case)" }),
      page: Schema.String.annotate({ description: "A page number from 1." })
    },
    // The page numbers sit beside `api_response`, as in the guide.
    responses: { "200": { description: "One page of hosts.", body: HostPage } },
    handle: ({ query }) =>
      Effect.gen(function*() {
        const { views, catchUp } = yield* ReadModels
        const checkpoint = yield* catchUp
        return ok(yield* Effect.fromResult(cachedPage(views, checkpoint, JSON.stringify(query), () =>
          Result.map(listHosts(views.hosts, query, nameLookup(views.regions)), ({ host_list, ...pages }) => ({
            api_response: { host_list },
            ...pages
          })))))
      })
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/api/v1/hosts/:hostname/delete",
    summary: "Delete a host with its scheduled and failed install jobs",
    access: "Network Admin",
    query: {},
    responses: { "200": { description: "The host was deleted.", body: deletedShape("hostname") } },
    handle: ({ caller, params }) => Effect.flatMap(deleteHost(params["hostname"] ?? "", caller.user.name), deletedAnswer("hostname"))
  })
]
