import { Effect } from "effect"
import { DemoSetupFailed } from "./demo-errors.ts"
import type { DemoRequest } from "./demo-registration.ts"

/** Sends the demo's registrations to the running server over HTTP, as any API client would, with Basic auth. */

export interface Login {
  readonly username: string
  readonly password: string
}

const basic = ({ username, password }: Login) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`

/** The row messages of a refused bulk POST, or the request's own message. */
const refusal = (body: unknown): string => {
  const response = typeof body === "object" && body !== null ? (body as { api_response?: unknown }).api_response : undefined
  if (typeof response !== "object" || response === null) return "no CSM answer"
  const messages = Object.values(response).flatMap((value) =>
    Array.isArray(value)
      ? value.flatMap((row: { status?: unknown; status_message?: unknown }) => (row.status === "FAILED" ? [String(row.status_message)] : []))
      : []
  )
  const own = (response as { status_message?: unknown }).status_message
  return [...(typeof own === "string" ? [own] : []), ...messages].join(" ") || "no message"
}

const post = (base: string, login: Login, { path, rows }: DemoRequest) =>
  Effect.tryPromise({
    try: async () => {
      const response = await fetch(base + path, {
        method: "POST",
        headers: { authorization: basic(login), "content-type": "application/json" },
        body: JSON.stringify(rows)
      })
      return { status: response.status, body: await response.json().catch(() => undefined) as unknown }
    },
    catch: (error) => new DemoSetupFailed({ message: `POST ${path} did not reach the server at ${base}: ${String(error)}` })
  }).pipe(
    Effect.flatMap(({ status, body }) =>
      status === 200
        ? Effect.void
        : status === 401
        ? new DemoSetupFailed({
          message: `The server refused the demo's login as "${login.username}" (${refusal(body)}). If its store already holds ` +
            "that user with another password, set CSM_ADMIN_PASSWORD to that password, or give the demo a fresh CSM_DATA_DIR."
        })
        : new DemoSetupFailed({ message: `POST ${path} answered ${status}: ${refusal(body)}` })
    )
  )

export const registerDemo = (base: string, login: Login, requests: ReadonlyArray<DemoRequest>) =>
  Effect.forEach(requests, (request) => post(base, login, request), { discard: true })
