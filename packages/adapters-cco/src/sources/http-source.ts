import { CatalogSource, CatalogSourceError } from "@csm/core"
import type { CcoIndexEntry, ReleaseRead } from "@csm/core"
import { Effect, Layer, Semaphore } from "effect"
import { download, withoutCredentials } from "./http-download.ts"
import type { Downloaded, Validators } from "./http-download.ts"
import { decodeText, releaseFromBytes } from "./release-bytes.ts"
import { INDEX_FILE, INDEX_LIMIT, RELEASE_LIMIT, releaseFileName } from "./source-files.ts"

/**
 * A catalog source at a base URL (CCO.md §2): `GET <base>/catalog.dat` and
 * `GET <base>/<platform>_<release>.xml`, at most 4 downloads at once, each bounded by the timeout.
 * A release fetched before is asked for conditionally (ETag, Last-Modified) when the copy it
 * validates is the last recorded one, so a 304 means `Unchanged`.
 */
export interface HttpCatalogSourceOptions {
  /** `http://` or `https://`, with or without a final `/`; may carry `user:password@`. */
  readonly baseUrl: string
  readonly timeoutSeconds: number
}

export const MAX_DOWNLOADS = 4

/** What a 200 for a release URL said, with the digest of the bytes it carried. */
interface Remembered {
  readonly validators: Validators
  readonly sha256: string
}

const unavailable = (message: string) => new CatalogSourceError({ reason: "unavailable", message })

const causeText = (cause: unknown): string => {
  // fetch rejects with "fetch failed" and the socket's error as `cause`.
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause
  if (typeof inner === "object" && inner !== null && "code" in inner && typeof inner.code === "string") return inner.code
  return inner instanceof Error ? inner.message : String(inner)
}

/** The base as a directory URL, so that relative file names resolve inside it. */
const directoryUrl = (baseUrl: string): URL | undefined => {
  try {
    const url = new URL(baseUrl)
    if (!url.pathname.endsWith("/")) url.pathname += "/"
    url.search = ""
    url.hash = ""
    return url
  } catch {
    return undefined
  }
}

const basicAuthorization = (url: URL): string | undefined =>
  url.username === "" && url.password === ""
    ? undefined
    : `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`

export const makeHttpCatalogSource = (options: HttpCatalogSourceOptions): Effect.Effect<CatalogSource["Service"]> =>
  Effect.gen(function*() {
    const downloads = yield* Semaphore.make(MAX_DOWNLOADS)
    const base = directoryUrl(options.baseUrl)
    const authorization = base === undefined ? undefined : basicAuthorization(base)
    const remembered = new Map<string, Remembered>()
    const timeoutMs = options.timeoutSeconds * 1000

    const get = (file: string, limit: number, validators?: Validators): Effect.Effect<Downloaded, CatalogSourceError> => {
      if (base === undefined) return Effect.fail(unavailable(`${file}: the catalog source is not a valid http or https URL`))
      const url = new URL(file, base)
      return downloads.withPermit(Effect.tryPromise({
        try: (interrupted) => {
          const timeout = AbortSignal.timeout(timeoutMs)
          return download({ file, url, validators, authorization, limit, signal: AbortSignal.any([interrupted, timeout]) })
            .catch((cause: unknown) => {
              throw timeout.aborted ? unavailable(`${file}: no complete answer within ${options.timeoutSeconds} s from ${withoutCredentials(url)}`) : cause
            })
        },
        catch: (cause) =>
          cause instanceof CatalogSourceError ? cause : unavailable(`${file}: cannot reach ${withoutCredentials(url)} (${causeText(cause)})`)
      }))
    }

    const readRelease = (entry: CcoIndexEntry, knownSha256: string | undefined) =>
      Effect.gen(function*() {
        const file = yield* releaseFileName(entry)
        const earlier = remembered.get(file)
        const got = yield* get(file, RELEASE_LIMIT, earlier !== undefined && earlier.sha256 === knownSha256 ? earlier.validators : undefined)
        if (got.status === 304) return { _tag: "Unchanged" } as const
        const read: ReleaseRead = yield* releaseFromBytes(got.bytes, file, knownSha256).pipe(
          Effect.tapError(() => Effect.sync(() => remembered.delete(file)))
        )
        const sha256 = read._tag === "Read" ? read.sha256 : knownSha256
        if (sha256 !== undefined && (got.validators.etag !== null || got.validators.lastModified !== null)) {
          remembered.set(file, { validators: got.validators, sha256 })
        } else {
          remembered.delete(file)
        }
        return read
      })

    return {
      describe: base === undefined ? "an invalid catalog URL" : withoutCredentials(base),
      readIndex: get(INDEX_FILE, INDEX_LIMIT).pipe(Effect.flatMap((got) =>
        // Without validators the download never answers 304.
        got.status === 200 ? Effect.succeed(decodeText(got.bytes)) : Effect.die(new Error("304 to an unconditional request"))
      )),
      readRelease
    }
  })

export const HttpCatalogSource = {
  layer: (options: HttpCatalogSourceOptions): Layer.Layer<CatalogSource> => Layer.effect(CatalogSource, makeHttpCatalogSource(options))
}
