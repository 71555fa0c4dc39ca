import { Schema } from "effect"
import { HttpServerResponse } from "effect/http"

/**
 * The CSM envelope (API.md §1): every answer is `{"api_response": {...}}`; a request that fails
 * as a whole says `"status": "FAILED"` with a sentence the user can act on.
 */

export const Failure = Schema.Struct({
  api_response: Schema.Struct({ status: Schema.Literal("FAILED"), status_message: Schema.String })
})

/** One row of a bulk answer; the row's name key (or `id`) sits beside these. */
export const RowStatus = Schema.Struct({
  status: Schema.Literals(["SUCCESS", "FAILED"]),
  status_message: Schema.optionalKey(Schema.String)
})
export type RowStatus = typeof RowStatus.Type

/** A body already serialized and encoded: an answer that many requests share becomes bytes once. */
export class PreparedJson {
  readonly bytes: Uint8Array
  constructor(body: unknown) {
    this.bytes = new TextEncoder().encode(JSON.stringify(body))
  }
}

/** A file to download instead of JSON (the session-log zip). */
export class Download {
  constructor(readonly fileName: string, readonly contentType: string, readonly bytes: Uint8Array) {}
}

/** A whole answer: its status, its JSON body (or the body already serialized), and any extra headers. */
export interface Answer {
  readonly status: number
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export const ok = (body: unknown, status = 200): Answer => ({ status, body })

export const apiResponse = (content: object, status = 200): Answer => ok({ api_response: content }, status)

export const failure = (status: number, message: string): Answer => ({
  status,
  body: { api_response: { status: "FAILED", status_message: message } } satisfies typeof Failure.Type,
  // API.md §1: every 401 invites Basic credentials.
  ...(status === 401 && { headers: { "WWW-Authenticate": `Basic realm="csm"` } })
})

/** The answer of a bulk request: 200 when every row succeeded, 207 when one failed. */
export const bulk = (listKey: string, rows: ReadonlyArray<RowStatus>): Answer =>
  apiResponse({ [listKey]: rows }, rows.some((row) => row.status === "FAILED") ? 207 : 200)

export const rowStatus = (failure: string | undefined): RowStatus =>
  failure === undefined ? { status: "SUCCESS" } : { status: "FAILED", status_message: failure }

/** A request the adapter refuses before (or instead of) the core: bad credentials, bad body, bad parameters. */
export class HttpFailure extends Schema.TaggedError<HttpFailure>()("HttpFailure", {
  status: Schema.Number,
  message: Schema.String
}) {}

export const messages = {
  unauthorized: "Invalid credentials or expired token.",
  forbidden: "User does not have the required permissions.",
  // Says nothing of the cause: the log has it.
  internal: "The server failed to complete the request because of an internal error; it has been logged."
} as const

export const toResponse = (answer: Answer): HttpServerResponse.HttpServerResponse => {
  if (answer.body instanceof Download) {
    return HttpServerResponse.uint8Array(answer.body.bytes, {
      status: answer.status,
      contentType: answer.body.contentType,
      headers: { "Content-Disposition": `attachment; filename="${answer.body.fileName}"` }
    })
  }
  const options = {
    status: answer.status,
    contentType: "application/json; charset=utf-8",
    ...(answer.headers !== undefined && { headers: answer.headers })
  }
  return answer.body instanceof PreparedJson
    ? HttpServerResponse.uint8Array(answer.body.bytes, options)
    : HttpServerResponse.text(JSON.stringify(answer.body), options)
}
