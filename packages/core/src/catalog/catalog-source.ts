import { Context, Schema } from "effect"
import type { Effect } from "effect"
import type { CcoEntry, CcoHeader, CcoIndexEntry } from "./cco-entry.ts"

/**
 * The port to a catalog source in the CCO SMU meta-file layout (CCO.md §2): a directory or a base URL.
 * The adapter reads and parses; the core decides what to record.
 */

/**
 * `notFound`: a missing file (HTTP 404). `unavailable`: anything else that kept the bytes from us
 * (I/O error, timeout, refused connection, another status, a body over the size limit).
 * `rejected`: the bytes arrived but are no catalog (not well-formed, an HTML page, no creationDate
 * and no entry). The message names the file.
 */
export class CatalogSourceError extends Schema.TaggedError<CatalogSourceError>()("CatalogSourceError", {
  reason: Schema.Literals(["notFound", "unavailable", "rejected"]),
  message: Schema.String
}) {}

/** A release file read and parsed, defaults applied; `warnings` name each skipped or doubtful entry. */
export interface ParsedRelease {
  readonly creationDate: string
  readonly header: CcoHeader
  readonly entries: ReadonlyArray<CcoEntry>
  readonly warnings: ReadonlyArray<string>
}

export type ReleaseRead =
  /** The bytes are those of `knownSha256` (same digest, or a 304 to a conditional request). */
  | { readonly _tag: "Unchanged" }
  | { readonly _tag: "Read"; readonly sha256: string; readonly release: ParsedRelease }

export class CatalogSource extends Context.Service<CatalogSource, {
  /** A label for logs and events, never with credentials: `directory /srv/cco`, `https://mirror/cco/`. */
  readonly describe: string
  /** The text of catalog.dat. */
  readonly readIndex: Effect.Effect<string, CatalogSourceError>
  /** `<platform>_<release>.xml`; `knownSha256` is the digest of the last recorded snapshot, if any. */
  readonly readRelease: (
    entry: CcoIndexEntry,
    knownSha256: string | undefined
  ) => Effect.Effect<ReleaseRead, CatalogSourceError>
}>()("csm/core/catalog/CatalogSource") {}
