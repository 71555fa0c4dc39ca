import { describe, expect, it } from "vitest"
import { unifiedDiff } from "./unified-diff.ts"

describe("unifiedDiff", () => {
  it("writes a unified diff labelled with both sides", () => {
    const diff = unifiedDiff("pre-upgrade/show-running-config.txt", "post-upgrade/show-running-config.txt", "hostname PE1\nend\n", "hostname PE2\nend\n")
    expect(diff).toContain("--- pre-upgrade/show-running-config.txt")
    expect(diff).toContain("+++ post-upgrade/show-running-config.txt")
    expect(diff).toContain("-hostname PE1\n+hostname PE2\n")
  })
})
