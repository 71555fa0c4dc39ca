import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { EventStore, MemoryEventStore } from "@csm/core"
import { storeContractCases } from "@csm/core/testing"
import { namespaced } from "./namespaced-store.ts"

// One store for every case, as one KurrentDB server is: the namespaces must keep the cases apart.
const shared = Effect.runSync(MemoryEventStore.make())
const harness = { capabilities: shared.capabilities }

describe("namespaced: every contract case on one shared store, each in its own namespace", () => {
  for (const [index, contractCase] of storeContractCases(harness).entries()) {
    if ("skipReason" in contractCase) it.skip(`${contractCase.name} (${contractCase.skipReason})`, () => {})
    else {
      it.live(contractCase.name, () =>
        // Twice each, so that every case also runs on a store its own first run filled.
        Effect.forEach(["first", "second"], (run) =>
          Effect.provideService(contractCase.run, EventStore, namespaced(shared, `case${index}${run}`))))
    }
  }
})
