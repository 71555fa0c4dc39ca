import type { Agent } from "node:http"
import { request } from "node:http"

/** The benchmarks' HTTP client: node:http on an agent the caller owns, with Basic credentials. */

export interface Answer {
  readonly status: number
  readonly body: Buffer
}

/** One request: the status and the body. `auth` is `user:password`. */
export const send = (url: string, options: { readonly agent: Agent; readonly method?: string; readonly auth?: string; readonly body?: string }) =>
  new Promise<Answer>((resolve, reject) => {
    const { agent, method = "GET", auth, body } = options
    const outgoing = request(url, { agent, method, ...(auth !== undefined && { auth }) }, (response) => {
      const chunks: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }))
    })
    outgoing.on("error", reject)
    outgoing.end(body)
  })

/** The body of a 200 answer; any other status throws with the start of the body. */
export const expectOk = async (answer: Promise<Answer>, what: string): Promise<Buffer> => {
  const { status, body } = await answer
  if (status !== 200) throw new Error(`${what} answered ${status}: ${body.toString().slice(0, 300)}`)
  return body
}
