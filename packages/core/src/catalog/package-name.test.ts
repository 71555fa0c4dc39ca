import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { detectPlatform, detectRelease, packageKey } from "./package-name.ts"
import { asr9kPx533, ncs5500613 } from "../testing/cco-sample-release.ts"

const detect = (name: string) => [detectPlatform(packageKey(name)), detectRelease(packageKey(name))]

describe("package names (CCO.md §3.3, §5.6 step 1)", () => {
  it("normalises inputs to package keys", () => {
    expect(packageKey(" disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")).toBe("asr9k-px-5.3.3.cscuz05961")
    expect(packageKey("/repo/dir/asr9k-px-5.3.3.CSCuz05961.pie")).toBe("asr9k-px-5.3.3.cscuz05961")
    expect(packageKey("ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm")).toBe("ncs5500-dpa-3.0.0.22-r613.cscve29118")
    expect(packageKey("disk0:asr9k-px-5.3.3.sp2-1.0.0")).toBe("asr9k-px-5.3.3.sp2")
    expect(packageKey("ASR9K-iosxr-px-k9-5.3.3.tar")).toBe("asr9k-iosxr-px-k9-5.3.3")
    expect(packageKey("asr9k-mgbl-px.pie-5.3.3")).toBe("asr9k-mgbl-px.pie-5.3.3")
    expect(packageKey("   ")).toBe("")
  })

  it("detects the guide's examples", () => {
    expect(detect("asr9k-px-5.3.3.CSCva29114.pie")).toEqual(["asr9k_px", "5.3.3"])
    expect(detect("ncs6k-sysadmin.iso-5.2.4")).toEqual(["ncs6k_sysadmin", "5.2.4"])
    expect(detect("iosxr-os-asr9k-64-5.0.0.1-r613.CSCvc01618.x86_64.rpm")).toEqual(["asr9k_x64", "6.1.3"])
    expect(detect("asr9k-px-6.0.0.CSCux64123.pie")).toEqual(["asr9k_px", "6.0.0"])
    expect(detect("asr9k-p-4.2.3.CSCut30136.pie")).toEqual(["asr9k_px", "4.2.3"])
    expect(detect("xrv9k-xr-6.1.1")).toEqual(["xrv9k_sysadmin", "6.1.1"])
    expect(detect("fullk9-R-XRV9000-622-RR.tar")).toEqual(["xrv9k", "6.2.2"])
    expect(detect("asr9k-sysadmin-6.1.2.CSCvb00001")).toEqual(["asr9k_x64_sysadmin", "6.1.2"])
    expect(detect("hfr-px-5.3.3.CSCuz00001.pie")).toEqual(["crs_px", "5.3.3"])
    expect(detect("c12k-4.1.1.CSCva21637.pie")).toEqual(["xr12000", "4.1.1"])
    expect(detect("ncs5000-6.0.1.CSCva00001")).toEqual(["ncs5k", "6.0.1"])
    expect(detect("asr9k-iosxr-fwding-64-2.0.0.2-r612.CSCvb31507.x86_64.rpm")).toEqual(["asr9k_x64", "6.1.2"])
    expect(detect("ncs5500-dpa-3.0.0.22-r64109I.CSCve29118")).toEqual(["ncs5500", "6.4.1"])
    expect(detect("hello")).toEqual([undefined, undefined])
  })

  it("maps every sample SMU, package and tar name to its own release (invariant 16)", () => {
    for (const [entries, platform, release] of [[asr9kPx533, "asr9k_px", "5.3.3"], [ncs5500613, "ncs5500", "6.1.3"]] as const) {
      for (const entry of entries) {
        for (const name of [entry.name, ...entry.package_names]) expect(detect(name)).toEqual([platform, release])
      }
    }
  })

  it("is total, deterministic and case-insensitive; a classic SMU is never asr9k_x64 (invariant 16)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (name) => {
      const once = [detectPlatform(name), detectRelease(name)]
      expect([detectPlatform(name), detectRelease(name)]).toEqual(once)
      expect(detectPlatform(name.toUpperCase())).toBe(detectPlatform(name.toLowerCase()))
      expect(packageKey(packageKey(name))).toBe(packageKey(name))
    }))
    const ddts = fc.tuple(fc.stringMatching(/^[a-z]{2}$/), fc.integer({ min: 0, max: 99999 }))
      .map(([letters, n]) => `CSC${letters}${String(n).padStart(5, "0")}`)
    const release = fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)).map((parts) => parts.join("."))
    fc.assert(fc.property(ddts, release, (defect, version) => {
      const name = `asr9k-px-${version}.${defect}.pie`
      expect(detect(name)).toEqual(["asr9k_px", version])
    }))
  })

  it("maps -rABC to A.B.C (invariant 15)", () => {
    fc.assert(fc.property(fc.nat(9), fc.nat(9), fc.nat(9), (a, b, c) => {
      expect(detectRelease(`ncs5500-os-4.0.0.6-r${a}${b}${c}.CSCve17920`)).toBe(`${a}.${b}.${c}`)
    }))
  })
})
