import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { catalogPlatforms, familyPlatform, normRelease } from "./platforms.ts"

describe("families and releases (CCO.md §3.2)", () => {
  it("maps families case-insensitively, and catalog platforms to themselves", () => {
    expect(familyPlatform("ASR9K")).toBe("asr9k_px")
    expect(familyPlatform("asr9k-x64")).toBe("asr9k_x64")
    expect(familyPlatform("CRS")).toBe("crs_px")
    expect(familyPlatform("XR12K")).toBe("xr12000")
    expect(familyPlatform("IOSXRv-9K")).toBe("xrv9k")
    expect(familyPlatform("NCS6K-SYSADMIN")).toBe("ncs6k_sysadmin")
    for (const platform of catalogPlatforms) expect(familyPlatform(platform)).toBe(platform)
    for (const family of ["ASR900", "N9K", "ASR1K", ""]) expect(familyPlatform(family)).toBeUndefined()
  })

  it("normalises releases", () => {
    expect(normRelease("5.3.3[Default]")).toBe("5.3.3")
    expect(normRelease("6.1.3.14I")).toBe("6.1.3")
    expect(normRelease(" r613 ")).toBe("6.1.3")
    expect(normRelease("6.2")).toBeUndefined()
  })

  it("is idempotent and keeps a.b.c before any suffix (invariant 15)", () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const once = normRelease(text)
      if (once !== undefined) expect(normRelease(once)).toBe(once)
    }))
    fc.assert(fc.property(fc.nat(99), fc.nat(99), fc.nat(99), fc.string(), (a, b, c, suffix) => {
      const release = `${a}.${b}.${c}`
      expect(normRelease(release + (/^\d/.test(suffix) ? ` ${suffix}` : suffix))).toBe(release)
    }))
  })
})
