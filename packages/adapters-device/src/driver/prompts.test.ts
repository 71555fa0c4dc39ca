import { describe, expect, it } from "vitest"
import { jumpPrompt, promptPattern, readPrompt } from "./prompts.ts"

describe("prompts", () => {
  it("reads the XR prompts of DEVICE.md §2.3 with their hostnames", () => {
    expect(readPrompt("RP/0/RSP0/CPU0:PE1#")).toEqual({ plane: "xr", hostname: "PE1", mode: undefined })
    expect(readPrompt("RP/0/RP0/CPU0:ios#")).toEqual({ plane: "xr", hostname: "ios", mode: undefined })
    expect(readPrompt("RP/0/7/CPU0:GSR-PE19#")).toEqual({ plane: "xr", hostname: "GSR-PE19", mode: undefined })
  })

  it("reads the admin VM prompts", () => {
    expect(readPrompt("sysadmin-vm:0_RSP0#")).toEqual({ plane: "admin", hostname: "", mode: undefined })
    expect(readPrompt("sysadmin-vm:0_RP0:NCS-Deploy2#")).toEqual({ plane: "admin", hostname: "NCS-Deploy2", mode: undefined })
  })

  it("sees a mode and rejects other text", () => {
    expect(readPrompt("RP/0/RSP0/CPU0:PE1(config)#")?.mode).toBe("(config)")
    expect(readPrompt("RP/0/RSP0/CPU0:PE1(admin)#")?.mode).toBe("(admin)")
    expect(readPrompt("[csm@bastion ~]$")).toBeUndefined()
  })

  it("anchors the plane's pattern with the real hostname at a line start", () => {
    const pattern = promptPattern("xr", "PE1")
    expect(pattern.test("output\nRP/0/RSP0/CPU0:PE1#")).toBe(true)
    expect(pattern.test("RP/0/RSP1/CPU0:PE1#")).toBe(true)
    expect(pattern.test("output\nRP/0/RSP0/CPU0:PE2#")).toBe(false)
    expect(pattern.test("text RP/0/RSP0/CPU0:PE1#")).toBe(false)
    expect(promptPattern("admin", "").test("x\nsysadmin-vm:0_RSP0#")).toBe(true)
  })

  it("knows a jump host's shell prompt", () => {
    expect(jumpPrompt.test("[csm@bastion ~]$ ")).toBe(true)
    expect(jumpPrompt.test("Trying 127.0.0.1...")).toBe(false)
  })
})
