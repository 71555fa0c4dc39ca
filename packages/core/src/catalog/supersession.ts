import { ccoDateRank } from "./cco-date.ts"
import type { CcoEntry } from "./cco-entry.ts"

/**
 * The supersession relation of one release (CCO.md §5.1), over entry positions. Built once per
 * snapshot without recursion: direct edges from both lists, components by an iterative Tarjan,
 * reachability between components as bit sets (one row per component with outgoing edges, one bit
 * per component with incoming edges).
 */
export interface Supersession {
  /** y ≻ x: y effectively supersedes x. */
  readonly supersedes: (y: number, x: number) => boolean
  /** Some available entry ≻ x. */
  readonly isSuperseded: (x: number) => boolean
  /** For a superseded x: the highest-ranked available, not superseded y ≻ x. */
  readonly replacement: (x: number) => number | undefined
  /** The rank of each entry: postedDate, then name (a total order); higher is later. */
  readonly rank: (x: number) => number
  readonly warnings: ReadonlyArray<string>
}

/** Available: an `smu` or `sp` whose status is `Posted` (trimmed, any case). */
export const isAvailable = (entry: CcoEntry): boolean =>
  (entry.kind === "smu" || entry.kind === "sp") && entry.status.trim().toLowerCase() === "posted"

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const buildSupersession = (entries: ReadonlyArray<CcoEntry>): Supersession => {
  const n = entries.length
  const warnings: Array<string> = []
  const byName = new Map<string, number>()
  entries.forEach((entry, i) => {
    if (entry.kind !== "tar" && !byName.has(entry.name)) byName.set(entry.name, i)
  })

  // Direct edges x → y, "y supersedes x", deduplicated.
  const successors: Array<Array<number>> = Array.from({ length: n }, () => [])
  const seen = new Set<number>()
  const addEdge = (x: number, y: number) => {
    const key = x * n + y
    if (seen.has(key)) return
    seen.add(key)
    successors[x]!.push(y)
  }
  const resolve = (entry: CcoEntry, i: number, name: string, list: string): number | undefined => {
    const j = byName.get(name)
    if (j === undefined) warnings.push(`${entry.name} lists ${name} in ${list}, which is not in the release.`)
    else if (j === i) warnings.push(`${entry.name} lists itself in ${list}.`)
    else return j
    return undefined
  }
  entries.forEach((entry, i) => {
    if (entry.kind === "tar") return
    for (const name of entry.superseded_by) {
      const j = resolve(entry, i, name, "supercededBy")
      if (j !== undefined) addEdge(i, j)
    }
    for (const name of entry.supersedes) {
      const j = resolve(entry, i, name, "supercedes")
      if (j !== undefined) addEdge(j, i)
    }
  })

  // Rank: postedDate, then name, then position.
  const dateRanks = entries.map((entry) => ccoDateRank(entry.posted_date))
  const order = entries.map((_, i) => i).sort((a, b) =>
    byCodePoint(dateRanks[a]!, dateRanks[b]!) || byCodePoint(entries[a]!.name, entries[b]!.name) || a - b
  )
  const rank = new Int32Array(n)
  order.forEach((entry, position) => (rank[entry] = position))

  // Iterative Tarjan: components come out in reverse topological order (successors first).
  const component = new Int32Array(n).fill(-1)
  const visitIndex = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack: Array<number> = []
  const calls: Array<number> = []
  const positions: Array<number> = []
  const members: Array<Array<number>> = []
  let counter = 0
  const enter = (v: number) => {
    visitIndex[v] = low[v] = counter++
    stack.push(v)
    onStack[v] = 1
    calls.push(v)
    positions.push(0)
  }
  for (let start = 0; start < n; start++) {
    if (visitIndex[start] !== -1) continue
    enter(start)
    while (calls.length > 0) {
      const top = calls.length - 1
      const v = calls[top]!
      const position = positions[top]!
      if (position < successors[v]!.length) {
        positions[top] = position + 1
        const w = successors[v]![position]!
        if (visitIndex[w] === -1) enter(w)
        else if (onStack[w] === 1) low[v] = Math.min(low[v]!, visitIndex[w]!)
        continue
      }
      calls.pop()
      positions.pop()
      if (calls.length > 0) {
        const u = calls[calls.length - 1]!
        low[u] = Math.min(low[u]!, low[v]!)
      }
      if (low[v] === visitIndex[v]) {
        const id = members.length
        const group: Array<number> = []
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          component[w] = id
          group.push(w)
        } while (w !== v)
        members.push(group)
      }
    }
  }
  const components = members.length

  // Bits for components with incoming edges from another component; rows for those with outgoing ones.
  const bitOf = new Int32Array(components).fill(-1)
  const componentOfBit: Array<number> = []
  const outgoing: Array<Array<number>> = Array.from({ length: components }, () => [])
  for (let x = 0; x < n; x++) {
    for (const y of successors[x]!) {
      const [cx, cy] = [component[x]!, component[y]!]
      if (cx === cy) continue
      if (bitOf[cy] === -1) {
        bitOf[cy] = componentOfBit.length
        componentOfBit.push(cy)
      }
      outgoing[cx]!.push(cy)
    }
  }
  const words = (componentOfBit.length + 31) >>> 5
  const rows: Array<Uint32Array | undefined> = new Array(components)
  for (let c = 0; c < components; c++) {
    if (outgoing[c]!.length === 0) continue
    const row = new Uint32Array(words)
    for (const d of outgoing[c]!) {
      const bit = bitOf[d]!
      row[bit >>> 5]! |= 1 << (bit & 31)
      const below = rows[d]
      if (below !== undefined) for (let k = 0; k < words; k++) row[k]! |= below[k]!
    }
    rows[c] = row
  }
  const supersedes = (y: number, x: number): boolean => {
    if (x === y || x < 0 || y < 0 || x >= n || y >= n) return false
    const [cx, cy] = [component[x]!, component[y]!]
    if (cx === cy) return rank[y]! > rank[x]!
    const row = rows[cx]
    const bit = bitOf[cy]!
    return row !== undefined && bit >= 0 && (row[bit >>> 5]! & (1 << (bit & 31))) !== 0
  }

  // superseded(x): a reached component holds an available entry, or x's own holds a later available one.
  const available = entries.map(isAvailable)
  const latestAvailable = (group: ReadonlyArray<number>, accept: (i: number) => boolean): number => {
    let best = -1
    for (const i of group) if (accept(i) && (best === -1 || rank[i]! > rank[best]!)) best = i
    return best
  }
  const latestAvailableIn = members.map((group) => latestAvailable(group, (i) => available[i]!))
  // Dynamic programming over the condensation, successors first: no bit scanning, O(edges).
  const superseded = new Uint8Array(n)
  const reachesAvailable = new Uint8Array(components)
  for (let c = 0; c < components; c++) {
    for (const d of outgoing[c]!) {
      if (latestAvailableIn[d] !== -1 || reachesAvailable[d] === 1) reachesAvailable[c] = 1
    }
    const latest = latestAvailableIn[c]!
    for (const x of members[c]!) {
      superseded[x] = reachesAvailable[c] === 1 || (latest !== -1 && rank[latest]! > rank[x]!) ? 1 : 0
    }
  }
  const latestStandingIn = members.map((group) => latestAvailable(group, (i) => available[i]! && superseded[i] === 0))
  const later = (a: number, b: number): number => (a === -1 ? b : b === -1 || rank[a]! > rank[b]! ? a : b)
  const latestStandingBeyond = new Int32Array(components).fill(-1)
  const replacements = new Int32Array(n).fill(-1)
  for (let c = 0; c < components; c++) {
    let outside = -1
    for (const d of outgoing[c]!) outside = later(outside, later(latestStandingIn[d]!, latestStandingBeyond[d]!))
    latestStandingBeyond[c] = outside
    const inside = latestStandingIn[c]!
    for (const x of members[c]!) {
      if (superseded[x] === 0) continue
      replacements[x] = later(inside !== -1 && rank[inside]! > rank[x]! ? inside : -1, outside)
    }
  }

  return {
    supersedes,
    isSuperseded: (x) => superseded[x] === 1,
    replacement: (x) => (replacements[x] === undefined || replacements[x] === -1 ? undefined : replacements[x]),
    rank: (x) => rank[x] ?? -1,
    warnings
  }
}
