import { decodeField, sessionLogFiles } from "@csm/core"
import { Effect } from "effect"
import { strToU8, zipSync } from "fflate"
import { defineEndpoint } from "../http/endpoint.ts"
import { Download, Failure, ok } from "../http/envelope.ts"
import { JobIdText } from "./params.ts"

/**
 * API.md §7: the job's session logs as a zip, one entry per file (`session.log`, `steps.log`,
 * captured outputs, diffs), as recorded so far: readable while the job runs, complete after it.
 */
export const logsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/install/logs/:id",
  summary: "Download the session logs of an install job",
  access: "Operator",
  query: {},
  responses: {
    "200": { description: "A zip of the job's log files.", download: "application/zip" },
    "400": { description: "An unknown id, or a job that has not started.", body: Failure }
  },
  handle: ({ params }) =>
    Effect.gen(function*() {
      const id = Number(yield* Effect.fromResult(decodeField("id", JobIdText, params["id"])))
      const files = yield* sessionLogFiles(id)
      const zip = zipSync(Object.fromEntries([...files].map(([file, text]) => [file, strToU8(text)])))
      return ok(new Download(`install-job-${id}-logs.zip`, "application/zip", zip))
    })
})
