import { INSTALL_ACTIONS, installActionKeys, installCommonKeys, installRowInputs, scheduleInstall } from "@csm/core"
import { Effect } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { apiResponse, bulk } from "../http/envelope.ts"
import { AnyRow, listShape } from "../http/shapes.ts"
import type { JsonSchema } from "../openapi/json-schema.ts"
import { propertiesOf } from "../openapi/json-schema.ts"

/** One row per install action, with the keys the planner accepts for it (API.md §7). */
const installRow: JsonSchema = {
  oneOf: INSTALL_ACTIONS.map((action) => {
    const { required, optional } = installActionKeys[action]
    return {
      title: action,
      type: "object",
      properties: {
        ...propertiesOf(installRowInputs, [...installCommonKeys, ...required, ...optional]),
        install_action: { const: action }
      },
      required: ["hostname", "install_action", ...required],
      additionalProperties: false
    }
  }),
  description: `scheduled_time is "mm-dd-yyyy hh:mm AM|PM" local to utc_offset ("+hh:mm" or "-hh:mm"), which it requires.`
}

const PlanAnswer = listShape("install_job_list", AnyRow)

export const scheduleEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/install",
  summary: "Schedule install jobs",
  access: "Operator",
  query: {},
  rows: installRow,
  responses: {
    "200": { description: "Every job was created.", body: PlanAnswer },
    "207": { description: "A job's dependency could not be resolved; the others were created.", body: PlanAnswer },
    "400": { description: "A row is invalid: nothing was created, every row is echoed with a status.", body: PlanAnswer }
  },
  handle: ({ caller, rows }) =>
    Effect.map(scheduleInstall(rows, caller.user.name), (plan) =>
      // Phase 1 refused the request: every row comes back, and nothing was created.
      plan._tag === "Invalid" ? apiResponse({ install_job_list: plan.rows }, 400) : bulk("install_job_list", plan.rows))
})
