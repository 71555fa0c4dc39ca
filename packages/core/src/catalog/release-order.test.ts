import { describe, expect, it } from "vitest"
import { compareReleases, newestFirst } from "./release-order.ts"

describe("release order", () => {
  it("compares releases numerically", () => {
    expect(compareReleases("6.1.12", "6.1.2")).toBeGreaterThan(0)
    expect(compareReleases("5.3.3", "6.0.0")).toBeLessThan(0)
    expect(compareReleases("5.3.3", "5.3.3")).toBe(0)
    expect(["5.3.1", "6.0.0", "5.3.3", "5.3.10"].sort(newestFirst)).toEqual(["6.0.0", "5.3.10", "5.3.3", "5.3.1"])
  })
})
