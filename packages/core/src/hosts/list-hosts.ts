import { Result } from "effect"
import type { NameLookup } from "../shared/name-lookup.ts"
import { nameKey } from "../shared/names.ts"
import { reject } from "../shared/rejected.ts"
import type { Rejected } from "../shared/rejected.ts"
import { toHostRow } from "./host-row.ts"
import type { HostRow } from "./host-row.ts"
import { findHost, orderedHosts } from "./projection.ts"
import type { HostRecord, HostsReadModel } from "./projection.ts"

export const HOSTS_PER_PAGE = 1000

/** The query parameters of GET /api/v1/hosts, as received; blank ones count as absent. */
export interface HostListQuery {
  readonly hostname?: string | undefined
  readonly region?: string | undefined
  readonly family?: string | undefined
  readonly page?: string | undefined
}

export interface HostListPage {
  readonly host_list: ReadonlyArray<HostRow>
  readonly current_page: number
  readonly total_pages: number
}

/** One page of hosts, ordered by hostname, filtered by hostname, region (which must exist) and family. */
export const listHosts = (
  state: HostsReadModel,
  query: HostListQuery,
  regions: NameLookup
): Result.Result<HostListPage, Rejected> =>
  Result.gen(function*() {
    const [hostname, region, family, pageText] = [query.hostname, query.region, query.family, query.page].map(given)
    const page = yield* pageNumber(pageText)
    // Hosts keep their region as the region spells it (rows are resolved to the stored name).
    const regionName = region === undefined ? undefined : yield* known(regions.canonical(region), "region", region)
    const hosts = hostname === undefined ? orderedHosts(state) : [yield* known(findHost(state, hostname), "hostname", hostname)]
    const keep = hostFilter(regionName, family)
    const matching = keep === undefined ? hosts : hosts.filter(keep)
    const first = (page - 1) * HOSTS_PER_PAGE
    const host_list = matching.slice(first, first + HOSTS_PER_PAGE).map(toHostRow)
    const total_pages = Math.ceil(matching.length / HOSTS_PER_PAGE)
    if (page > Math.max(total_pages, 1)) return yield* reject(`Unknown page number '${pageText}'.`)
    return { host_list, current_page: page, total_pages }
  })

/** The region and family filters as one test, or none, so that an unfiltered page needs no scan. */
const hostFilter = (region: string | undefined, family: string | undefined): ((host: HostRecord) => boolean) | undefined => {
  if (region === undefined && family === undefined) return undefined
  const familyKey = family === undefined ? undefined : nameKey(family)
  return (host) =>
    (region === undefined || host.entry.region === region) &&
    (familyKey === undefined || nameKey(host.facts?.family ?? "") === familyKey)
}

const given = (value: string | undefined): string | undefined => value?.trim() || undefined

const pageNumber = (text: string | undefined): Result.Result<number, Rejected> =>
  text === undefined
    ? Result.succeed(1)
    : /^\d+$/.test(text) && Number(text) > 0
    ? Result.succeed(Number(text))
    : reject(`Page number '${text}' is not a positive integer.`)

const known = <A>(found: A | undefined, what: string, name: string): Result.Result<A, Rejected> =>
  found === undefined ? reject(`Unknown ${what} '${name}'.`) : Result.succeed(found)
