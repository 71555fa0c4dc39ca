import { randomUUID } from "node:crypto"
import type { AppendRequest } from "@csm/core"
import { domainCodec, EventStore, ExpectedVersion } from "@csm/core"
import { Effect } from "effect"
import { busyServer } from "./busy-server.ts"

/**
 * Writes the first `count` events of a busy server's log (busy-server.ts, 100,000 hosts) into the
 * store, in `appendMany` calls of about 2,000 events: how a store of that size gets filled fast.
 */
export const writeBusyLog = (count: number) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const pending = new Map<string, Array<AppendRequest["events"][number]>>()
    const flush = Effect.suspend(() => {
      const requests = [...pending].map(([stream, events]): AppendRequest => ({ stream, events, expected: ExpectedVersion.Any }))
      pending.clear()
      return store.appendMany(requests)
    })
    let written = 0
    for (const [stream, event] of busyServer({ hosts: 100_000, requests: Infinity })) {
      if (written++ === count) break
      const events = pending.get(stream) ?? []
      events.push({ id: randomUUID(), ...domainCodec.encode(event), metadata: { actor: "admin" } })
      pending.set(stream, events)
      if (written % 2_000 === 0) yield* flush
    }
    if (pending.size > 0) yield* flush
  })
