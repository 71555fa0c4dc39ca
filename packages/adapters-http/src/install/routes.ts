import { deleteEndpoint } from "./delete.ts"
import { logsEndpoint } from "./logs.ts"
import { queryEndpoint } from "./query.ts"
import { scheduleEndpoint } from "./schedule.ts"

/** API.md §7. */
export const installEndpoints = [scheduleEndpoint, queryEndpoint, deleteEndpoint, logsEndpoint]
