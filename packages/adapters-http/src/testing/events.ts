import {
  CCO_INDEX_STREAM, CcoCatalogIndexRecorded, ccoReleaseStream, CcoReleaseSnapshotRecorded, commit, ExpectedVersion,
  hostStream, installJobStream, SessionLogChunk, sessionLogStream
} from "@csm/core"
import type { CcoEntry, HostDiscovered, HostFacts } from "@csm/core"
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

/** A catalog index and one snapshot per release, as a refresh records them. */
export const catalogReleases = (releases: ReadonlyArray<{ platform: string; release: string; entries: ReadonlyArray<CcoEntry> }>) =>
  commit([
    {
      stream: CCO_INDEX_STREAM,
      expected: ExpectedVersion.Any,
      events: [CcoCatalogIndexRecorded.make({
        source: "test", fetchedAt: time, entries: releases.map(({ platform, release }) => ({ platform, release }))
      })]
    },
    ...releases.map(({ platform, release, entries }) => ({
      stream: ccoReleaseStream(platform, release),
      expected: ExpectedVersion.Any,
      events: [CcoReleaseSnapshotRecorded.make({
        platform, release, creationDate: "08/09/2016 02:10:05 PDT", sha256: `${platform}_${release}`, source: "test",
        fetchedAt: time, entries, warnings: [],
        header: {
          platform, release, smu_suffix: "pie", pid: "", mdf_id: "",
          smu_software_type_id: "", sp_software_type_id: "", tar_software_type_id: ""
        }
      })]
    }))
  ], { actor: "test" })

/** Session-log chunks of a job, as the executor appends them while the job runs. */
export const logChunks = (id: number, chunks: ReadonlyArray<readonly [file: string, text: string]>) =>
  commit([{
    stream: sessionLogStream(id),
    expected: ExpectedVersion.Any,
    events: chunks.map(([file, text]) => SessionLogChunk.make({ file, text }))
  }], { actor: "test" })
