import { ccoCatalog, ccoOptimizedSoftware, ccoSoftware, ccoSoftwareEntry } from "@csm/core"
import { Effect, Schema } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { apiResponse, Failure } from "../http/envelope.ts"
import { envelope } from "../http/shapes.ts"

const text = Schema.String
const CcoRow = Schema.Struct({
  id: text, name: text, status: text, type: text, posted_date: text, ddts: text, description: text,
  functional_areas: text, impact: text, package_bundles: text, compressed_image_size: text,
  uncompressed_image_size: text, prerequisites: text, supersedes: text, superseded_by: text, composite_DDTS: text
})
const CcoEntryRow = Schema.Struct({
  ...CcoRow.fields,
  prerequisites_smu_ids: text,
  supersedes_smu_ids: text,
  superseded_by_smu_ids: text
})
const OptimizedRow = Schema.Struct({
  software_package: text,
  is: Schema.Literals(["Pre-requisite", "SMU/SP", "Package", "Unrecognized"]),
  description: text
})

const release = {
  platform: Schema.String.annotate({ description: "A platform of GET /cco/catalog, e.g. asr9k_px." }),
  release: Schema.String.annotate({ description: "One of its releases, e.g. 5.3.3." })
}
const refused = { description: "A missing or malformed parameter, or a platform and release the catalog does not have.", body: Failure }

/** API.md §6: the CCO catalog, answered from the last recorded snapshots. */
export const ccoEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/api/v1/cco/catalog",
    summary: "The platforms and releases of the CCO catalog, releases newest first",
    access: "Viewer",
    query: {},
    responses: {
      "200": {
        description: "Platform → releases.",
        body: Schema.Struct({ api_response: Schema.Record(Schema.String, Schema.Array(Schema.String)) })
      }
    },
    handle: () => Effect.map(ccoCatalog, (catalog) => apiResponse(catalog))
  }),
  defineEndpoint({
    method: "GET",
    path: "/api/v1/cco/software",
    summary: "The SMUs and service packs of a release: optimal ones by default",
    access: "Viewer",
    query: {
      ...release,
      date: Schema.String.annotate({ description: "mm-dd-yyyy: only software posted on or after that day." }),
      optimal: Schema.String.annotate({ description: "true (default) or false: every posted SMU and SP." })
    },
    responses: {
      "200": { description: "SMUs by name, then service packs by name.", body: envelope({ software_list: Schema.Array(CcoRow) }) },
      "400": refused
    },
    handle: ({ query }) => Effect.map(ccoSoftware(query), (software_list) => apiResponse({ software_list }))
  }),
  defineEndpoint({
    method: "GET",
    path: "/api/v1/cco/software/:name_or_id",
    summary: "One SMU, service pack or release tar by name or PIMS id",
    access: "Viewer",
    query: release,
    responses: {
      "200": { description: "The entry, with the ids of the entries it names.", body: envelope(CcoEntryRow.fields) },
      "400": refused,
      "404": { description: "The release has no such entry.", body: Failure }
    },
    handle: ({ params, query }) => Effect.map(ccoSoftwareEntry(params["name_or_id"] ?? "", query), apiResponse)
  }),
  defineEndpoint({
    method: "GET",
    path: "/api/v1/cco/get_optimized_software",
    summary: "Judge a list of packages: what to add as prerequisites, what is superseded, what is not in the catalog",
    access: "Viewer",
    query: { software_packages: Schema.String.annotate({ description: "Package or SMU names, comma-separated." }) },
    responses: {
      "200": {
        description: "Rows in answer order; `warnings` only when a prerequisite or an input needs a word.",
        body: envelope({ software_list: Schema.Array(OptimizedRow), warnings: Schema.optionalKey(Schema.Array(text)) })
      },
      "400": refused
    },
    handle: ({ query }) => Effect.map(ccoOptimizedSoftware(query.software_packages), apiResponse)
  })
]
