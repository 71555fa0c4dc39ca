import {
  InstallAction, jobRow, JobStatus, missingUtcOffset, parseLocalTime, parseUtcOffset, queryJobs, ReadModels, reject
} from "@csm/core"
import type { JobFilter } from "@csm/core"
import { Effect, Schema } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { apiResponse } from "../http/envelope.ts"
import { AnyRow, listShape } from "../http/shapes.ts"
import { JobIdText, knownHost, TimeText, UtcOffsetText } from "./params.ts"

export const queryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/install",
  summary: "Query install jobs, ordered by id",
  access: "Viewer",
  query: {
    id: JobIdText.annotate({ description: "When given, the other filters are ignored." }),
    hostname: Schema.String,
    install_action: InstallAction,
    status: JobStatus,
    scheduled_time: TimeText.annotate({ description: `Jobs scheduled at or after "mm-dd-yyyy hh:mm AM|PM"; needs utc_offset.` }),
    utc_offset: UtcOffsetText.annotate({ description: `"+hh:mm" or "-hh:mm"; when given, times are answered in that local time.` })
  },
  responses: { "200": { description: "The matching jobs (at most 5000).", body: listShape("install_job_list", AnyRow) } },
  handle: ({ query }) =>
    Effect.gen(function*() {
      const { views } = yield* ReadModels
      // The offset shapes the answer's times, so it counts even beside an id.
      const offset = query.utc_offset === undefined ? undefined : yield* Effect.fromResult(parseUtcOffset(query.utc_offset))
      const filter: JobFilter = query.id !== undefined
        ? { id: Number(query.id) }
        : {
          ...(query.hostname !== undefined && { hostname: yield* knownHost(views, query.hostname) }),
          ...(query.install_action !== undefined && { action: query.install_action }),
          ...(query.status !== undefined && { status: query.status }),
          ...(query.scheduled_time !== undefined && {
            scheduledFrom: offset === undefined
              ? yield* Effect.fromResult(reject(missingUtcOffset))
              : yield* Effect.fromResult(parseLocalTime(query.scheduled_time, offset))
          })
        }
      const jobs = yield* Effect.fromResult(queryJobs(views.jobs, filter))
      return apiResponse({ install_job_list: jobs.map((job) => jobRow(views.jobs, job, offset)) })
    })
})
