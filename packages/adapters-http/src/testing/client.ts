/** A `fetch` client for the tests: Basic credentials, JSON bodies, JSON answers. */

export type Credentials = readonly [user: string, password: string]

export interface Reply {
  readonly status: number
  readonly headers: Headers
  /** The parsed JSON answer (`undefined` when the body is not JSON). */
  readonly body: unknown
  readonly text: string
  /** The body as received (a zip, say). */
  readonly bytes: Uint8Array
}

export interface RequestOptions {
  readonly auth?: Credentials | undefined
  /** A value sent as JSON. */
  readonly json?: unknown
  /** A body sent as is. */
  readonly raw?: string | Uint8Array
  readonly headers?: Readonly<Record<string, string>>
}

export const basic = ([user, password]: Credentials): string => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`

export const client = (base: string) => {
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<Reply> => {
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.raw
    const response = await fetch(base + path, {
      method,
      headers: {
        ...(options.auth !== undefined && { authorization: basic(options.auth) }),
        ...(body !== undefined && { "content-type": "application/json" }),
        ...options.headers
      },
      ...(body !== undefined && { body })
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    return { status: response.status, headers: response.headers, body: parse(text), text, bytes }
  }
  return {
    base,
    request,
    get: (path: string, auth?: Credentials) => request("GET", path, { auth }),
    post: (path: string, json: unknown, auth?: Credentials) => request("POST", path, { auth, json }),
    delete: (path: string, auth?: Credentials) => request("DELETE", path, { auth })
  }
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A value deep inside a JSON answer: `dig(body, "api_response", "host_list", 0, "hostname")`. */
export const dig = (value: unknown, ...path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? (at as Record<string | number, unknown>)[key] : undefined), value)
