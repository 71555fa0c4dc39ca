import { Schema } from "effect"
import { RowStatus } from "./envelope.ts"

/** The shapes of the answers, for the OpenAPI document. */

export const envelope = (content: Schema.Struct.Fields) => Schema.Struct({ api_response: Schema.Struct(content) })

export const AnyRow = Schema.Record(Schema.String, Schema.Unknown)

/** `{"api_response": {"<list key>": [rows]}}` */
export const listShape = (listKey: string, row: Schema.Top = AnyRow) => envelope({ [listKey]: Schema.Array(row) })

/** The rows of a bulk answer: each names its entry (when the row gave a name) and says how it went. */
export const bulkShape = (listKey: string, nameKey: string) =>
  listShape(listKey, Schema.Struct({ [nameKey]: Schema.optionalKey(Schema.String), ...RowStatus.fields }))

/** `{"api_response": {"<name key>": ..., "status": "SUCCESS"}}` */
export const deletedShape = (nameKey: string) => envelope({ [nameKey]: Schema.String, status: Schema.Literal("SUCCESS") })
