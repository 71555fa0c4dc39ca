import { describe, expect, it } from "vitest"
import { matchActivate, matchDeactivate, matchRemove } from "./package-matching.ts"
import {
  addableFiles, isValidPackage, namesSamePackage, packageIdentity, packageListKey, untypeableName
} from "./package-names.ts"

describe("package identity (DEVICE.md §4)", () => {
  it("reads a classic SMU, its file and its internal name", () => {
    expect(packageIdentity("asr9k-px-5.3.3.CSCuz05961.pie", "XR")).toEqual({
      platform: "asr9k", version: "5.3.3", smu: "CSCuz05961"
    })
    expect(packageIdentity("disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "XR")).toEqual({
      platform: "asr9k", version: "5.3.3", smu: "CSCuz05961", subversion: "1.0.0"
    })
  })

  it("reads classic packages, SPs and the rewritten special cases", () => {
    expect(packageIdentity("asr9k-mpls-px.pie-5.3.3", "XR")).toEqual({ platform: "asr9k", type: "mpls", version: "5.3.3" })
    expect(packageIdentity("asr9k-px-5.3.3.sp1.pie", "XR")).toMatchObject({ sp: "sp1", version: "5.3.3" })
    expect(packageIdentity("asr9k-asr9000v-nV-px.pie-6.1.2", "XR")).toMatchObject({ type: "9000v", version: "6.1.2" })
    expect(packageIdentity("asr9k-services-infra-px.pie-6.1.2", "XR")).toMatchObject({ type: "services-infra" })
  })

  it("reads eXR ISOs, RPMs and SMUs", () => {
    expect(packageIdentity("asr9k-mini-x64-6.2.1.iso", "eXR")).toEqual({ platform: "asr9k", type: "mini-x64", version: "6.2.1" })
    expect(packageIdentity("asr9k-mgbl-x64-2.0.0.0-r612.x86_64.rpm", "eXR")).toEqual({
      platform: "asr9k", type: "mgbl-x64", version: "r612", subversion: "2.0.0.0"
    })
    expect(packageIdentity("asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345", "eXR")).toEqual({
      platform: "asr9k", type: "bgp-x64", version: "r612", smu: "CSCvc12345", subversion: "1.0.0.1"
    })
  })

  it("needs a platform, a version and a type, SMU or SP to be valid", () => {
    expect(isValidPackage(packageIdentity("asr9k-px-5.3.3.CSCuz05961.pie", "XR"))).toBe(true)
    expect(isValidPackage(packageIdentity("asr9k-px-5.3.3.pie", "XR"))).toBe(false)
    expect(isValidPackage(packageIdentity("images.tar", "XR"))).toBe(false)
    expect(isValidPackage(packageIdentity("asr9k-xr-6.2.1", "eXR"))).toBe(true)
  })

  it("equates the examples of §4", () => {
    expect(namesSamePackage("asr9k-px-5.3.3.CSCuz05961.pie", "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-mini-px.pie-5.3.3", "disk0:asr9k-mini-px-5.3.3", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-mpls-px.pie-5.3.3", "disk0:asr9k-mpls-px-5.3.3", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-px-5.3.3.sp1.pie", "disk0:asr9k-px-5.3.3.sp1-1.0.0", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-asr9000v-nV-px.pie-6.1.2", "disk0:asr9k-9000v-nV-px-6.1.2", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-services-infra-px.pie-6.1.2", "disk0:asr9k-services-infra-6.1.2", "XR")).toBe(true)
    expect(namesSamePackage("asr9k-mgbl-x64-2.0.0.0-r612.x86_64.rpm", "asr9k-mgbl-x64-2.0.0.0-r612", "eXR")).toBe(true)
    expect(namesSamePackage(
      "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm", "asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345", "eXR"
    )).toBe(true)
    expect(namesSamePackage("asr9k-mini-x64-6.2.1.iso", "asr9k-mini-x64-6.2.1", "eXR")).toBe(true)
  })

  it("tells different packages apart", () => {
    expect(namesSamePackage("asr9k-xr-6.2.1", "asr9k-mini-x64-6.2.1", "eXR")).toBe(false)
    expect(namesSamePackage("asr9k-px-5.3.3.CSCuz99999.pie", "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "XR")).toBe(false)
    expect(namesSamePackage("asr9k-mini-px.pie-5.3.3", "disk0:asr9k-mpls-px-5.3.3", "XR")).toBe(false)
    expect(namesSamePackage("asr9k-mgbl-x64-2.0.0.0-r612", "asr9k-mgbl-x64-2.0.0.1-r612", "eXR")).toBe(false)
  })
})

describe("package matching (DEVICE.md §4)", () => {
  const classic = {
    active: ["disk0:asr9k-mini-px-5.3.3"],
    inactive: ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"]
  }

  it("activates the inactive internal name of a job package", () => {
    expect(matchActivate(["asr9k-px-5.3.3.CSCuz05961.pie"], classic, "XR"))
      .toEqual({ _tag: "Send", names: ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"] })
  })

  it("has nothing to activate when every package is already active", () => {
    expect(matchActivate(["asr9k-mini-px.pie-5.3.3"], classic, "XR"))
      .toEqual({ _tag: "Nothing", message: "Nothing to be activated." })
  })

  it("refuses a package on no list", () => {
    expect(matchActivate(["asr9k-px-5.3.3.CSCuz99999.pie"], classic, "XR"))
      .toEqual({ _tag: "Refused", message: "To be activated packages not in inactive packages list." })
  })

  it("activates an eXR ISO by its inactive name", () => {
    const lists = { active: ["asr9k-xr-6.1.2", "asr9k-sysadmin-6.1.2"], inactive: ["asr9k-mini-x64-6.2.1"] }
    expect(matchActivate(["asr9k-mini-x64-6.2.1.iso"], lists, "eXR")).toEqual({ _tag: "Send", names: ["asr9k-mini-x64-6.2.1"] })
  })

  it("deactivates active entries and refuses others", () => {
    const active = ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"]
    expect(matchDeactivate(["asr9k-px-5.3.3.CSCuz05961.pie"], active, "XR")).toEqual({ _tag: "Send", names: active })
    expect(matchDeactivate(["asr9k-px-5.3.3.CSCuz99999.pie"], active, "XR"))
      .toEqual({ _tag: "Refused", message: "To be deactivated packages not in active packages list." })
  })

  it("removes inactive entries, and has nothing to remove otherwise", () => {
    expect(matchRemove(["asr9k-px-5.3.3.CSCuz05961.pie"], classic.inactive, "XR"))
      .toEqual({ _tag: "Send", names: classic.inactive })
    expect(matchRemove(["asr9k-px-5.3.3.CSCuz05961.pie"], [], "XR"))
      .toEqual({ _tag: "Nothing", message: "Packages already removed. Nothing to be removed" })
  })
})

describe("names typed into the CLI", () => {
  it("accepts letters, digits and . - _ : /", () => {
    expect(untypeableName(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "images/533"])).toBeUndefined()
  })

  it("refuses anything else, naming the package", () => {
    expect(untypeableName(["ok.pie", "disk0:*6.0.2*"]))
      .toBe("Package name 'disk0:*6.0.2*' contains characters that cannot be sent to the device.")
    expect(untypeableName(["a.pie; reload"])).toBe("Package name 'a.pie; reload' contains characters that cannot be sent to the device.")
  })
})

describe("Add's file filter", () => {
  it("keeps classic pie and tar files but not -vm images", () => {
    expect(addableFiles(["a.pie", "b.tar", "asr9k-mini-px.vm-5.3.3", "c.rpm", "asr9k-vm.pie"], "XR")).toEqual(["a.pie", "b.tar"])
  })

  it("keeps eXR iso, tar and rpm files", () => {
    expect(addableFiles(["a.iso", "b.tar", "c.rpm", "d.pie"], "eXR")).toEqual(["a.iso", "b.tar", "c.rpm"])
  })

  it("keys a package list regardless of order", () => {
    expect(packageListKey(["b.tar", "a.tar"])).toBe(packageListKey(["a.tar", "b.tar"]))
  })
})
