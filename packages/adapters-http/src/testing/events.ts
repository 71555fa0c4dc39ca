import { commit, ExpectedVersion, hostStream, installJobStream } from "@csm/core"
import type { HostDiscovered, HostFacts } from "@csm/core"
import { completed, failed, started } from "@csm/core/testing"

/**
 * Events that only the scheduler and the device adapter write, appended directly so that the
 * routes can be tested on jobs that ran and hosts that were reached.
 */

const time = new Date(Date.UTC(2016, 5, 1, 15, 15)).toISOString()

export const discovered = (name: string, facts: HostFacts) => {
  const event: HostDiscovered = { _tag: "HostDiscovered", name, facts, time }
  return commit([{ stream: hostStream(name), expected: ExpectedVersion.Any, events: [event] }], { actor: "test" })
}

export const jobEvents = (id: number, outcome: "in-progress" | "completed" | "failed") =>
  commit([{
    stream: installJobStream(id),
    expected: ExpectedVersion.Any,
    events: [started(id), ...(outcome === "completed" ? [completed(id)] : outcome === "failed" ? [failed(id)] : [])]
  }], { actor: "test" })
