import { describe, expect, it } from "vitest"
import { Effect } from "effect"
import { embedCore } from "./main.ts"

describe("examples/embed-core", () => {
  it("registers the hosts, chains each host's jobs and starts only what is due", async () => {
    const lines = await Effect.runPromise(embedCore)
    expect(lines[0]).toBe("hosts: R1 SUCCESS, R2 SUCCESS")
    expect(lines).toContain("dependency graph:")
    const graph = lines.filter((line) => line.startsWith("  job "))
    expect(graph).toHaveLength(10)
    expect(graph[0]).toMatch(/^  job 1: R1 Pre-Upgrade at .* GMT$/)
    expect(graph[4]).toMatch(/^  job 5: R1 Commit at .* ← after job 4$/)
    expect(graph[9]).toMatch(/^  job 10: R2 Commit at .* ← after job 9$/)
    expect(lines.find((line) => line.startsWith("now:"))).toMatch(/^now: nothing to start; next due /)
    expect(lines.find((line) => line.startsWith("at R1's time:"))).toMatch(/^at R1's time: start job 1 \(R1 Pre-Upgrade\); next due /)
    expect(lines.find((line) => line.startsWith("at R2's time:"))).toBe("at R2's time: start job 1 (R1 Pre-Upgrade), job 6 (R2 Pre-Upgrade)")
  })
})
