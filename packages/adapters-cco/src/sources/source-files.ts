import { CatalogSourceError, isCatalogPlatform, isCatalogRelease } from "@csm/core"
import type { CcoIndexEntry } from "@csm/core"
import { Effect } from "effect"

/** The files of the CCO SMU meta-file layout (CCO.md §2) and how large each may be. */

export const INDEX_FILE = "catalog.dat"

const MiB = 1024 * 1024
export const INDEX_LIMIT = 1 * MiB
export const RELEASE_LIMIT = 32 * MiB

export const formatLimit = (limit: number): string => `${limit / MiB} MiB`

/**
 * `<platform>_<release>.xml`. The index parser only lets valid names through; checking again
 * here keeps a path or URL from ever being built out of anything else.
 */
export const releaseFileName = ({ platform, release }: CcoIndexEntry): Effect.Effect<string, CatalogSourceError> =>
  isCatalogPlatform(platform) && isCatalogRelease(release)
    ? Effect.succeed(`${platform}_${release}.xml`)
    : Effect.fail(new CatalogSourceError({
      reason: "unavailable",
      message: `refusing to read the release file of ${JSON.stringify(`${platform}_${release}`)}: not a catalog platform and release`
    }))
