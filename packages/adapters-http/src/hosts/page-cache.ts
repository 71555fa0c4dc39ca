import type { Views } from "@csm/core"
import { Result } from "effect"
import { PreparedJson } from "../http/envelope.ts"

/**
 * Host pages as sent, kept until the next event reaches the read models: network tools poll the
 * host list far more often than hosts change, and serializing a 1,000-host page costs several
 * times what sending it does. Keyed by the read models themselves, so two servers in one process
 * never share pages; bounded, since every filter combination is a key.
 */
const MAX_PAGES = 64

interface Pages {
  checkpoint: string
  readonly bodies: Map<string, PreparedJson>
}

const cache = new WeakMap<Views, Pages>()

/** The page for `key` as of `checkpoint`: from the cache, or built (a refusal is never kept). */
export const cachedPage = <E>(
  views: Views,
  checkpoint: string,
  key: string,
  build: () => Result.Result<unknown, E>
): Result.Result<PreparedJson, E> => {
  let pages = cache.get(views)
  if (pages === undefined) cache.set(views, pages = { checkpoint, bodies: new Map() })
  if (pages.checkpoint !== checkpoint) {
    pages.checkpoint = checkpoint
    pages.bodies.clear()
  }
  const cached = pages.bodies.get(key)
  if (cached !== undefined) return Result.succeed(cached)
  return Result.map(build(), (page) => {
    const body = new PreparedJson(page)
    if (pages.bodies.size >= MAX_PAGES) pages.bodies.clear()
    pages.bodies.set(key, body)
    return body
  })
}
