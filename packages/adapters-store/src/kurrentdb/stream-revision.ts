import type { AppendStreamState, CurrentStreamState } from "@kurrent/kurrentdb-client"
import type { ExpectedVersion } from "@csm/core"

/**
 * Our versions against KurrentDB's revisions (STORE.md §1): the first event is version 1 and
 * revision 0, so version = revision + 1, and a missing stream (`no_stream`) is version 0. No
 * revision leaves the adapter.
 */

export const versionOf = (revision: bigint): number => Number(revision) + 1

export const revisionOf = (version: number): bigint => BigInt(version - 1)

/** The `streamState` an append sends for an expectation (the table of STORE.md §2). */
export const streamStateOf = (expected: ExpectedVersion): AppendStreamState => {
  switch (expected._tag) {
    case "NoStream":
      return "no_stream"
    case "StreamExists":
      return "stream_exists"
    case "Any":
      return "any"
    case "Exact":
      return expected.version === 0 ? "no_stream" : revisionOf(expected.version)
  }
}

/**
 * A stream's version from the state a conflict reports. Deleted and tombstoned streams report
 * negative revisions; nothing of them is readable, so they count as empty.
 */
export const versionOfState = (state: CurrentStreamState): number =>
  state === "no_stream" || state < 0n ? 0 : versionOf(state)
