import { CatalogSourceError } from "@csm/core"
import { readBounded } from "./read-bounded.ts"
import { formatLimit } from "./source-files.ts"

/**
 * One GET of a catalog file (CCO.md §2): redirects followed by hand (at most 5, http and https
 * only), the body read up to a size limit. Only 200 succeeds; 304 answers a conditional request.
 * Failures are thrown as `CatalogSourceError`s whose message names the file and the URL.
 */

export const MAX_REDIRECTS = 5

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** What a 200 said about the body, for a later conditional request. */
export interface Validators {
  readonly etag: string | null
  readonly lastModified: string | null
}

export type Downloaded =
  | { readonly status: 200; readonly bytes: Uint8Array; readonly validators: Validators }
  | { readonly status: 304 }

export interface DownloadRequest {
  /** For messages: `catalog.dat`, `asr9k_px_5.3.3.xml`. */
  readonly file: string
  readonly url: URL
  /** Those of an earlier copy to ask `If-None-Match` / `If-Modified-Since` about; else the request is unconditional. */
  readonly validators: Validators | undefined
  /** Sent to the first URL's origin only, so credentials never follow a redirect elsewhere. */
  readonly authorization: string | undefined
  readonly limit: number
  readonly signal: AbortSignal
}

/** The URL as it may be shown: without user name and password. */
export const withoutCredentials = (url: URL): string => {
  const shown = new URL(url)
  shown.username = ""
  shown.password = ""
  return shown.href
}

const unavailable = (message: string) => new CatalogSourceError({ reason: "unavailable", message })

const conditionalHeaders = (validators: Validators | undefined): Record<string, string> => ({
  ...(validators?.etag != null ? { "if-none-match": validators.etag } : {}),
  ...(validators?.lastModified != null ? { "if-modified-since": validators.lastModified } : {})
})

export const download = async (request: DownloadRequest): Promise<Downloaded> => {
  const { file, url, limit, signal, validators } = request
  const conditional = conditionalHeaders(validators)
  let current = url
  for (let redirects = 0; ; redirects++) {
    // fetch refuses URLs with credentials; they travel in the Authorization header.
    const target = withoutCredentials(current)
    if (current.protocol !== "http:" && current.protocol !== "https:") throw unavailable(`${file}: refusing to fetch ${target}`)
    const headers = request.authorization !== undefined && current.origin === url.origin
      ? { ...conditional, authorization: request.authorization }
      : conditional
    const response = await fetch(target, { headers, redirect: "manual", signal })
    if (response.status === 200) {
      const bytes = response.body === null ? new Uint8Array() : await readBounded(response.body, limit)
      if (bytes === undefined) throw unavailable(`${file}: larger than ${formatLimit(limit)} at ${target}`)
      return { status: 200, bytes, validators: { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") } }
    }
    await response.body?.cancel()
    const location = response.headers.get("location")
    if (REDIRECTS.has(response.status) && location !== null) {
      if (redirects === MAX_REDIRECTS) throw unavailable(`${file}: more than ${MAX_REDIRECTS} redirects from ${withoutCredentials(url)}`)
      current = new URL(location, current)
      continue
    }
    if (response.status === 304 && Object.keys(conditional).length > 0) return { status: 304 }
    if (response.status === 404) throw new CatalogSourceError({ reason: "notFound", message: `${file}: HTTP 404 from ${target}` })
    throw unavailable(`${file}: HTTP ${response.status} from ${target}`)
  }
}
