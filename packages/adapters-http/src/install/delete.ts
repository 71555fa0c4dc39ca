import { DeletableStatus, deleteInstallJobs, ReadModels } from "@csm/core"
import type { DeleteOutcome, DeleteSelection } from "@csm/core"
import { Effect, Schema } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { bulk } from "../http/envelope.ts"
import { AnyRow, listShape } from "../http/shapes.ts"
import { JobIdText, knownHost } from "./params.ts"

/** A deleted job names the jobs that went with it (the guide's shape when there are none). */
const outcomeRow = (outcome: DeleteOutcome) =>
  outcome._tag === "Refused"
    ? { id: outcome.id, status: "FAILED" as const, status_message: outcome.message }
    : { id: outcome.id, status: "SUCCESS" as const, ...(outcome.dependents.length > 0 && { deleted_dependencies: outcome.dependents }) }

export const deleteEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/install/delete",
  summary: "Delete scheduled or failed install jobs, with every job that depends on them",
  access: "Operator",
  query: {
    id: JobIdText.annotate({ description: "When given, the other parameters are ignored." }),
    hostname: Schema.String,
    status: DeletableStatus
  },
  responses: {
    "200": { description: "Every selected job was deleted.", body: listShape("install_job_list", AnyRow) },
    "207": { description: "A selected job could not be deleted.", body: listShape("install_job_list", AnyRow) }
  },
  handle: ({ caller, query }) =>
    Effect.gen(function*() {
      const { views } = yield* ReadModels
      const selection: DeleteSelection = query.id !== undefined
        ? { id: Number(query.id) }
        : {
          ...(query.hostname !== undefined && { hostname: yield* knownHost(views, query.hostname) }),
          ...(query.status !== undefined && { status: query.status })
        }
      const outcomes = yield* Effect.flatMap(deleteInstallJobs(selection, caller.user.name), Effect.fromResult)
      return bulk("install_job_list", outcomes.map(outcomeRow))
    })
})
