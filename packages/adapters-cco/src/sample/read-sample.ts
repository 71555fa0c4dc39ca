import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parseCatalogIndex } from "@csm/core"
import type { CcoIndexEntry, ParsedRelease } from "@csm/core"
import type { Result } from "effect"
import { bundledCatalogDirectory } from "../bundled.ts"
import { parseReleaseDocument } from "../xml/parse-release.ts"

/** A release file of a catalog directory, read as the catalog reads it. */
export interface ReadRelease extends CcoIndexEntry {
  readonly file: string
  readonly parsed: Result.Result<ParsedRelease, string>
}

/**
 * A catalog directory (by default the committed sample) as the catalog reads it: catalog.dat parsed,
 * then each release it lists parsed. Synchronous, for checks and tests.
 */
export const readCatalogDirectory = (directory: string = bundledCatalogDirectory): {
  readonly index: ReturnType<typeof parseCatalogIndex>
  readonly releases: ReadonlyArray<ReadRelease>
} => {
  const read = (file: string) => readFileSync(join(directory, file), "utf8")
  const index = parseCatalogIndex(read("catalog.dat"))
  const releases = index.entries.map(({ platform, release }) => {
    const file = `${platform}_${release}.xml`
    return { platform, release, file, parsed: parseReleaseDocument(read(file), file) }
  })
  return { index, releases }
}
