import { Effect } from "effect"
import { sessionLogStream } from "../execution/session-log-events.ts"
import type { SessionLogChunk } from "../execution/session-log-events.ts"
import { noSuchJob } from "../install/job-decider.ts"
import { reject } from "../shared/rejected.ts"
import { EventStore } from "../store/event-store.ts"
import { decodeEvent } from "./domain-events.ts"
import { ReadModels } from "./read-models.ts"

/**
 * `GET /api/v1/install/logs/<id>`: the job's session-log files as recorded so far, each file's
 * chunks joined in order. Readable while the job runs; a job that has not started has none.
 */
export const sessionLogFiles = (id: number) =>
  Effect.gen(function*() {
    const { views } = yield* ReadModels
    if (views.jobs.get(id) === undefined) return yield* Effect.fromResult(reject(noSuchJob(id)))
    const slice = yield* (yield* EventStore).readStream(sessionLogStream(id))
    const files = new Map<string, Array<string>>()
    for (const recorded of slice.events) {
      // The stream holds only this job's log chunks.
      const chunk = (yield* decodeEvent(recorded)) as SessionLogChunk
      const parts = files.get(chunk.file) ?? []
      parts.push(chunk.text)
      files.set(chunk.file, parts)
    }
    if (files.size === 0) return yield* Effect.fromResult(reject(`No session logs for install job ${id} yet.`))
    return new Map([...files].map(([file, parts]) => [file, parts.join("")]))
  })

