import type { Rejected, RowOutcome } from "@csm/core"
import { Effect } from "effect"
import type { Result } from "effect"
import { apiResponse, rowStatus } from "../http/envelope.ts"

/** The rows of a bulk answer: each with its name under the route's name key (when the row gave one), then its status. */
export const named = (nameKey: string, outcomes: ReadonlyArray<RowOutcome>) =>
  outcomes.map(({ name, failure }) => ({ ...(name !== undefined && { [nameKey]: name }), ...rowStatus(failure) }))

/** `{"api_response": {"<list key>": [rows]}}`, or the core's refusal (an unknown name filter). */
export const listAnswer = (listKey: string) => (rows: Result.Result<ReadonlyArray<unknown>, Rejected>) =>
  Effect.map(Effect.fromResult(rows), (found) => apiResponse({ [listKey]: found }))

/** `{"api_response": {"<name key>": ..., "status": "SUCCESS"}}`, or the core's refusal. */
export const deletedAnswer = (nameKey: string) => (deleted: Result.Result<string, Rejected>) =>
  Effect.map(Effect.fromResult(deleted), (name) => apiResponse({ [nameKey]: name, status: "SUCCESS" }))
