import { Effect } from "effect"
import type { CcoEntry } from "../catalog/cco-entry.ts"
import { filterByDate, parseDateParam } from "../catalog/date-filter.ts"
import { lookupCcoEntry } from "../catalog/lookup.ts"
import { softwareList } from "../catalog/optimal-list.ts"
import { optimizeSoftware } from "../catalog/optimize.ts"
import type { OptimizedRow } from "../catalog/optimize.ts"
import { familyPlatform, normRelease } from "../catalog/platforms.ts"
import type { CatalogReadModel } from "../catalog/projection.ts"
import { catalogIndex, releaseSnapshot } from "../catalog/projection.ts"
import { releaseCatalogOf } from "../catalog/release-catalog.ts"
import type { ReleaseCatalog } from "../catalog/release-catalog.ts"
import { Rejected } from "../shared/rejected.ts"
import { ReadModels } from "./read-models.ts"

/** The queries behind API.md §6; refusals carry the contract's status and message. */

const refuse = (message: string, status: 400 | 404 = 400) => Effect.fail(new Rejected({ message, status }))

export const missingParameter = (name: string): string => `The following required parameter, '${name}', is missing.`

/** A row of GET /cco/software: every value a string, lists comma-joined (the guide's shape). */
export const ccoRow = (entry: CcoEntry) => ({
  id: entry.id,
  name: entry.name,
  status: entry.status,
  type: entry.type,
  posted_date: entry.posted_date,
  ddts: entry.ddts,
  description: entry.description,
  functional_areas: entry.functional_areas.join(","),
  impact: entry.impact,
  package_bundles: entry.package_bundles.join(","),
  compressed_image_size: String(entry.compressed_image_size),
  uncompressed_image_size: String(entry.uncompressed_image_size),
  prerequisites: entry.prerequisites.join(","),
  supersedes: entry.supersedes.join(","),
  superseded_by: entry.superseded_by.join(","),
  composite_DDTS: entry.composite_DDTS.join(",")
})
export type CcoRow = ReturnType<typeof ccoRow>

/**
 * The release a `platform`/`release` pair names: the platform as listed (or a family or upper-case
 * spelling of one, §3.2), the release normalised (`5.3.3[Default]`, `r533`).
 */
const releaseCatalog = (catalog: CatalogReadModel, platform: string | undefined, release: string | undefined) => {
  if (platform === undefined) return refuse(missingParameter("platform"))
  if (release === undefined) return refuse(missingParameter("release"))
  const listed = catalog.index.has(platform) ? platform : familyPlatform(platform)
  const version = normRelease(release)
  const snapshot = listed === undefined || version === undefined || !catalog.index.get(listed)?.includes(version)
    ? undefined
    : releaseSnapshot(catalog, listed, version)
  return snapshot === undefined
    ? refuse(`Unable to get software information for platform ${platform} and release ${release}`)
    : Effect.succeed(releaseCatalogOf(snapshot))
}

/** GET /cco/catalog: platforms by code point, releases newest first. */
export const ccoCatalog = Effect.map(Effect.service(ReadModels), ({ views }) => catalogIndex(views.catalog))

export interface SoftwareQuery {
  readonly platform?: string
  readonly release?: string
  readonly date?: string
  readonly optimal?: string
}

/** GET /cco/software (CCO.md §5.3, §5.4). */
export const ccoSoftware = (query: SoftwareQuery) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const catalog = yield* releaseCatalog(views.catalog, query.platform, query.release)
    const optimal = query.optimal === undefined ? "true" : query.optimal.trim().toLowerCase()
    if (optimal !== "true" && optimal !== "false") return yield* refuse("The parameter 'optimal' must be 'true' or 'false'.")
    const day = query.date === undefined ? undefined : parseDateParam(query.date.trim())
    if (query.date !== undefined && day === undefined) {
      return yield* refuse(`The date '${query.date}' is not a date in mm-dd-yyyy format.`)
    }
    const { entries, undated } = filterByDate(softwareList(catalog, optimal === "true").entries, day)
    for (const entry of undated) yield* Effect.logWarning(`${label(catalog)}: ${entry.name} has no usable postedDate and was left out of a date query.`)
    return entries.map(ccoRow)
  })

/** GET /cco/software/<name_or_id> (CCO.md §5.5); 404 when the release has no such entry. */
export const ccoSoftwareEntry = (nameOrId: string, query: Pick<SoftwareQuery, "platform" | "release">) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    const catalog = yield* releaseCatalog(views.catalog, query.platform, query.release)
    const found = lookupCcoEntry(catalog, nameOrId)
    if (found === undefined) return yield* refuse(`Unable to locate ${nameOrId}`, 404)
    const { entry, ...ids } = found
    return { ...ccoRow(entry), ...ids }
  })

/**
 * GET /cco/get_optimized_software (CCO.md §5.6): the REST answer drops `Superseded` rows and carries
 * `warnings` only when there are some.
 */
export const ccoOptimizedSoftware = (softwarePackages: string | undefined) =>
  Effect.gen(function*() {
    const inputs = (softwarePackages ?? "").split(",").filter((input) => input.trim() !== "")
    if (inputs.length === 0) return yield* refuse(missingParameter("software_packages"))
    const { views } = yield* ReadModels
    const answer = optimizeSoftware(inputs, (platform, release) => {
      const snapshot = releaseSnapshot(views.catalog, platform, release)
      return snapshot === undefined ? undefined : releaseCatalogOf(snapshot)
    })
    const software_list: ReadonlyArray<OptimizedRow> = answer.software_list.filter((row) => row.is !== "Superseded")
    return answer.warnings.length === 0 ? { software_list } : { software_list, warnings: answer.warnings }
  })

const label = (catalog: ReleaseCatalog): string => `${catalog.platform}_${catalog.release}`
