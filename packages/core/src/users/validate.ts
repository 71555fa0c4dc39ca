import type { Result } from "effect"
import { decodeRow } from "../shared/row.ts"
import type { DecodedRow } from "../shared/row.ts"
import type { Rejected } from "../shared/rejected.ts"
import { userRowSpec } from "./user-entry.ts"
import type { UserEntry } from "./user-entry.ts"

/** Reads one raw JSON row of POST /api/v1/users; the password comes out redacted, for the adapter to hash. */
export const validateUserRow = (row: unknown): Result.Result<DecodedRow<UserEntry, "password">, Rejected> =>
  decodeRow(userRowSpec, row)
