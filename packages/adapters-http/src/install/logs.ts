import { decodeField, noSuchJob, ReadModels, reject } from "@csm/core"
import { Effect } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { Failure } from "../http/envelope.ts"
import { JobIdText } from "./params.ts"

/** API.md §7. The zip of session logs comes later; until then every job answers that it has none. */
export const logsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/install/logs/:id",
  summary: "Download the session logs of an install job",
  access: "Operator",
  query: {},
  responses: { "400": { description: "No session logs yet, or an unknown id.", body: Failure } },
  handle: ({ params }) =>
    Effect.gen(function*() {
      const { views } = yield* ReadModels
      const id = Number(yield* Effect.fromResult(decodeField("id", JobIdText, params["id"])))
      if (views.jobs.get(id) === undefined) return yield* Effect.fromResult(reject(noSuchJob(id)))
      return yield* Effect.fromResult(reject(`No session logs for install job ${id}.`))
    })
})
