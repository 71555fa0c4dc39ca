import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { storeContractCases } from "@csm/core/testing"
import { KurrentEventStore } from "./kurrentdb-event-store.ts"
import { namespacedLayer } from "./testing/namespaced-store.ts"

/**
 * The store contract (STORE.md §4) against a real server, named by CSM_TEST_KURRENTDB (e.g.
 * `kurrentdb://127.0.0.1:2113?tls=false`); CSM_TEST_KURRENTDB_MULTI_STREAM_APPEND=true adds case
 * M (KurrentDB 25.1+ with multi-stream appends enabled). A server cannot be emptied between
 * cases, so each case runs in its own namespace of stream and consumer names, under a prefix
 * unique to this run.
 */

const connectionString = process.env.CSM_TEST_KURRENTDB?.trim() || undefined
const multiStreamAppend = process.env.CSM_TEST_KURRENTDB_MULTI_STREAM_APPEND === "true"
const skipNote = "CSM_TEST_KURRENTDB is not set (no KurrentDB server to test against)"
if (!connectionString) console.warn(`KurrentEventStore contract skipped: ${skipNote}.`)

const run = `csm${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`

const caseStore = (connection: string, index: number) =>
  namespacedLayer(KurrentEventStore.layer({ connectionString: connection, multiStreamAppend }), `${run}x${index}`)

describe(`KurrentEventStore: the store contract${connectionString ? "" : ` (skipped: ${skipNote})`}`, () => {
  const cases = storeContractCases({ capabilities: { multiStreamAppend, strictEventIds: false } })
  for (const [index, contractCase] of cases.entries()) {
    if ("skipReason" in contractCase) it.skip(`${contractCase.name} (${contractCase.skipReason})`, () => {})
    else if (connectionString === undefined) it.skip(`${contractCase.name} (skipped: ${skipNote})`, () => {})
    else {
      it.live(contractCase.name, () => Effect.scoped(Effect.provide(contractCase.run, caseStore(connectionString, index))), 120_000)
    }
  }
})
