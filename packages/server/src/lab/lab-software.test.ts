import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { readLabSoftware } from "./lab-software.ts"

describe("the lab's software, from the bundled catalog", () => {
  it("gives classic XR routers asr9k-px 5.3.3 and a repository of its pies", async () => {
    const software = await Effect.runPromise(readLabSoftware("xr"))
    expect(software.release).toBe("5.3.3")
    expect(software.packages.xr.active).toContain("disk0:asr9k-mini-px-5.3.3")
    expect(software.packages.xr.committed).toEqual(software.packages.xr.active)
    expect(software.files["asr9k-px-5.3.3.CSCuz05961.pie"]).toMatchObject({
      internalNames: ["disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"],
      method: "reload"
    })
    expect(software.installable).toContain("asr9k-px-5.3.3.CSCuz05961.pie")
    expect(software.installable.every((file) => file.endsWith(".pie") && software.files[file] !== undefined)).toBe(true)
  })

  it("gives eXR routers asr9k-x64 6.1.2, its XR image package and a repository of its RPMs", async () => {
    const software = await Effect.runPromise(readLabSoftware("exr"))
    expect(software.release).toBe("6.1.2")
    expect(software.packages.xr.active).toContain("asr9k-xr-6.1.2")
    expect(software.files["asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904.x86_64.rpm"]).toMatchObject({
      internalNames: ["asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904"],
      method: "restart"
    })
    expect(software.installable.length).toBeGreaterThan(0)
    expect(software.installable.every((file) => file.endsWith(".rpm") && software.files[file] !== undefined)).toBe(true)
  })
})
