import { describe, expect, it } from "vitest"
import { makePackageStore } from "./packages.ts"
import { exrPreset, xrPreset } from "./presets.ts"

describe("package store", () => {
  it("moves classic names through inactive, active and committed, with or without disk0:", () => {
    const store = makePackageStore("xr", xrPreset.packages, "5.3.3", [])
    store.add(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
    expect(store.find("inactive", "asr9k-px-5.3.3.CSCuz05961-1.0.0")).toBe("disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")
    store.activate(["asr9k-px-5.3.3.CSCuz05961-1.0.0"])
    expect(store.list("xr", "active")).toContain("disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")
    expect(store.list("xr", "inactive")).toEqual([])
    store.commit()
    expect(store.list("xr", "committed")).toEqual(store.list("xr", "active"))
    store.deactivate(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
    store.remove(["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"])
    expect(store.find("inactive", "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")).toBeUndefined()
  })

  it("activates an eXR ISO as the new release on both VMs", () => {
    const iso = exrPreset.repositories["tftp://10.1.1.10/images/612"]!.files["asr9k-mini-x64-6.2.1.iso"]!
    const store = makePackageStore("exr", exrPreset.packages, "6.1.2", [iso])
    store.add(iso.internalNames)
    expect(store.list("xr", "inactive")).toEqual(["asr9k-mini-x64-6.2.1"])
    store.activate(["asr9k-mini-x64-6.2.1"])
    expect(store.list("xr", "active")).toEqual(["asr9k-xr-6.2.1"])
    expect(store.list("admin", "active")).toEqual(["asr9k-sysadmin-6.2.1"])
    expect(store.list("xr", "inactive")).toEqual([])
    expect(store.version()).toBe("6.2.1")
    expect(store.list("admin", "committed")).toEqual(["asr9k-sysadmin-6.1.2"])
  })
})
