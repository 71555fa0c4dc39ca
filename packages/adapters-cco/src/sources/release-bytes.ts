import { createHash } from "node:crypto"
import { CatalogSourceError } from "@csm/core"
import type { ReleaseRead } from "@csm/core"
import { Effect, Result } from "effect"
import { parseReleaseDocument } from "../xml/parse-release.ts"

/** What both sources do with the bytes of a file once they have them. */

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

/** UTF-8, a byte-order mark dropped; invalid sequences become U+FFFD rather than failing the file. */
export const decodeText = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes)

/** `Unchanged` when the digest is `knownSha256` (no parsing then), else the parsed file or `rejected`. */
export const releaseFromBytes = (
  bytes: Uint8Array,
  file: string,
  knownSha256: string | undefined
): Effect.Effect<ReleaseRead, CatalogSourceError> => {
  const sha256 = sha256Hex(bytes)
  if (sha256 === knownSha256) return Effect.succeed({ _tag: "Unchanged" })
  const parsed = parseReleaseDocument(decodeText(bytes), file)
  return Result.isSuccess(parsed)
    ? Effect.succeed({ _tag: "Read", sha256, release: parsed.success })
    : Effect.fail(new CatalogSourceError({ reason: "rejected", message: parsed.failure }))
}
