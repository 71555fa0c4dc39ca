import { createReadStream } from "node:fs"
import { join, resolve } from "node:path"
import { CatalogSource, CatalogSourceError } from "@csm/core"
import { Effect, Layer } from "effect"
import { readBounded } from "./read-bounded.ts"
import { decodeText, releaseFromBytes } from "./release-bytes.ts"
import { formatLimit, INDEX_FILE, INDEX_LIMIT, RELEASE_LIMIT, releaseFileName } from "./source-files.ts"

/** A catalog source in a local directory (CCO.md §2): `catalog.dat` and `<platform>_<release>.xml`. */

const errorCode = (cause: unknown): string | undefined =>
  typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string" ? cause.code : undefined

const readFile = (directory: string, file: string, limit: number): Effect.Effect<Uint8Array, CatalogSourceError> =>
  Effect.tryPromise({
    // `end` is inclusive: one byte past the limit is enough to know the file is too large.
    try: () => readBounded(createReadStream(join(directory, file), { end: limit }), limit),
    catch: (cause) => {
      const code = errorCode(cause)
      return code === "ENOENT"
        ? new CatalogSourceError({ reason: "notFound", message: `${file}: not found in ${directory}` })
        : new CatalogSourceError({
          reason: "unavailable",
          message: `${file}: cannot be read from ${directory} (${code ?? (cause instanceof Error ? cause.message : String(cause))})`
        })
    }
  }).pipe(Effect.flatMap((bytes) =>
    bytes === undefined
      ? Effect.fail(new CatalogSourceError({ reason: "unavailable", message: `${file}: larger than ${formatLimit(limit)} in ${directory}` }))
      : Effect.succeed(bytes)
  ))

export const makeDirectoryCatalogSource = (directory: string): CatalogSource["Service"] => {
  const root = resolve(directory)
  return {
    describe: `directory ${root}`,
    readIndex: readFile(root, INDEX_FILE, INDEX_LIMIT).pipe(Effect.map(decodeText)),
    readRelease: (entry, knownSha256) =>
      Effect.flatMap(releaseFileName(entry), (file) =>
        Effect.flatMap(readFile(root, file, RELEASE_LIMIT), (bytes) => releaseFromBytes(bytes, file, knownSha256)))
  }
}

export const DirectoryCatalogSource = {
  layer: (directory: string): Layer.Layer<CatalogSource> => Layer.succeed(CatalogSource, makeDirectoryCatalogSource(directory))
}
