import { describe, expect, it } from "vitest"
import { buildSupersession } from "./supersession.ts"
import { entry } from "../testing/cco-sample-release.ts"

const at = (day: number) => `01/${String(day).padStart(2, "0")}/2016 10:00:00 PST`

describe("supersession on dirty data (CCO.md §5.1)", () => {
  it("in a cycle the latest-posted member wins, and what the cycle supersedes stays superseded", () => {
    const entries = [
      entry({ id: "1", name: "a", posted_date: at(1), superseded_by: ["b"] }),
      entry({ id: "2", name: "b", posted_date: at(3), superseded_by: ["c"] }),
      entry({ id: "3", name: "c", posted_date: at(2), superseded_by: ["a"] }),
      entry({ id: "4", name: "old", posted_date: at(1), superseded_by: ["a"] })
    ]
    const s = buildSupersession(entries)
    expect([s.supersedes(1, 0), s.supersedes(1, 2), s.supersedes(2, 0), s.supersedes(0, 1)]).toEqual([true, true, true, false])
    expect(entries.map((_, i) => s.isSuperseded(i))).toEqual([true, false, true, true])
    expect(entries.map((_, i) => s.replacement(i))).toEqual([1, undefined, 1, 1])
  })

  it("ignores self-references, unknown names and tars with a warning, and unions one-sided edges", () => {
    const entries = [
      entry({ id: "1", name: "a", posted_date: at(1), superseded_by: ["a", "ghost", "t"] }),
      entry({ id: "2", name: "b", posted_date: "", supersedes: ["a"] }),
      entry({ id: "3", name: "t", kind: "tar", supersedes: ["a"] })
    ]
    const s = buildSupersession(entries)
    expect(s.supersedes(1, 0)).toBe(true)
    expect(s.supersedes(2, 0)).toBe(false)
    expect(s.warnings).toEqual([
      "a lists itself in supercededBy.",
      "a lists ghost in supercededBy, which is not in the release.",
      "a lists t in supercededBy, which is not in the release."
    ])
  })

  it("an obsoleted or in-transit superseder supersedes no one; a chain through it does", () => {
    const entries = [
      entry({ id: "1", name: "a", posted_date: at(1), superseded_by: ["b"] }),
      entry({ id: "2", name: "b", posted_date: at(2), status: "Obsoleted", superseded_by: ["c"] }),
      entry({ id: "3", name: "c", posted_date: at(3), kind: "smuIntransit", status: "In Transit" })
    ]
    const s = buildSupersession(entries)
    expect(s.supersedes(2, 0)).toBe(true)
    expect(entries.map((_, i) => s.isSuperseded(i))).toEqual([false, false, false])
  })

  it("handles a 20,000-long chain without recursion", () => {
    const n = 20_000
    const entries = Array.from({ length: n }, (_, i) =>
      entry({ id: `${i}`, name: `s${i}`, posted_date: at(1), superseded_by: i + 1 < n ? [`s${i + 1}`] : [] })
    )
    const s = buildSupersession(entries)
    expect(s.supersedes(n - 1, 0)).toBe(true)
    expect(s.replacement(0)).toBe(n - 1)
  })
})
