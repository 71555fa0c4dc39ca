import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { INSTANCE, installJobsOf, scheduled, started } from "../testing/install-fixtures.ts"
import { expiredHolders, jobsHeldBy, leaseHolders, nextExpiry, observeLeases, UNKNOWN_HOLDER } from "./lease-watch.ts"
import type { LeaseWatch } from "./lease-watch.ts"

const LEASE = 30_000

/** One look at a holder: `after` ms since the previous look, and whether it renewed in between. */
const looks = fc.array(fc.record({ after: fc.integer({ min: 0, max: 2 * LEASE }), renewed: fc.boolean() }), { maxLength: 40 })

/** Watches one holder through `steps` from time `start`; calls `check` after each look. */
const watchThrough = (
  start: number,
  steps: ReadonlyArray<{ readonly after: number; readonly renewed: boolean }>,
  check: (watch: LeaseWatch, now: number) => void
) => {
  let now = start
  let renewals = 0
  let watch = observeLeases(new Map(), new Map([["B", renewals]]), now)
  for (const { after, renewed } of steps) {
    now += after
    if (renewed) renewals++
    watch = observeLeases(watch, new Map([["B", renewals]]), now)
    check(watch, now)
  }
}

describe("the lease watch", () => {
  it("never gives up on a holder that renewed between every two looks less than a lease apart", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), looks, (start, steps) => {
      const lively = steps.map(({ after }) => ({ after: after % LEASE, renewed: true }))
      watchThrough(start, lively, (watch, now) => expect(expiredHolders(watch, now, LEASE).size).toBe(0))
    }))
  })

  it("gives up on a holder exactly one lease after the last renewal it saw, whatever the watcher's clock reads", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), looks, (start, steps) => {
      let lastChange = start
      let seen = 0
      watchThrough(start, steps, (watch, now) => {
        const renewals = watch.get("B")!.renewals
        if (renewals !== seen) [seen, lastChange] = [renewals, now]
        expect(expiredHolders(watch, now, LEASE).has("B")).toBe(now - lastChange >= LEASE)
        expect(nextExpiry(watch, LEASE)).toBe(lastChange + LEASE)
      })
    }))
  })

  it("forgets an instance once it holds no running job, and starts a whole lease if it holds one again", () => {
    const watch = observeLeases(new Map(), new Map([["B", 3]]), 0)
    const forgotten = observeLeases(watch, new Map(), LEASE)
    expect(forgotten.size).toBe(0)
    const again = observeLeases(forgotten, new Map([["B", 3]]), 2 * LEASE)
    expect(expiredHolders(again, 2 * LEASE, LEASE).size).toBe(0)
    expect(nextExpiry(again, LEASE)).toBe(3 * LEASE)
    expect(nextExpiry(forgotten, LEASE)).toBeUndefined()
  })

  it("watches the other instances' running jobs, and claims that name no instance as held by an unknown one", () => {
    const legacy = { _tag: "InstallJobStarted", id: 3, time: "2026-01-01T00:00:00.000Z" } as const
    const jobs = installJobsOf(
      scheduled(1, { hostname: "R1" }),
      scheduled(2, { hostname: "R2" }),
      scheduled(3, { hostname: "R3" }),
      scheduled(4, { hostname: "R4" }),
      started(1),
      started(2, 0, "instance-b"),
      legacy
    )
    expect(leaseHolders(jobs, INSTANCE)).toEqual(new Map([["instance-b", 0], [UNKNOWN_HOLDER, 0]]))
    expect(jobsHeldBy(jobs, new Set(["instance-b", UNKNOWN_HOLDER])).map((job) => job.id).sort()).toEqual([2, 3])
  })
})
