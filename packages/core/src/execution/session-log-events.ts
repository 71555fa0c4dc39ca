import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"

/**
 * A job's session logs, kept as events in `install-log-<id>` so that they survive restarts, are
 * readable while the job runs, and live in the same store as everything else. Read models skip
 * them: the logs route reads the one stream it needs.
 */
export const sessionLogStream = (jobId: number): string => `install-log-${jobId}`

export const SessionLogChunk = Schema.TaggedStruct("SessionLogChunk", {
  /** The file the text belongs to, e.g. `session.log` or `show-running-config.txt`. */
  file: Schema.String,
  text: Schema.String
})
export type SessionLogChunk = typeof SessionLogChunk.Type

export const sessionLogEventDefinitions = [
  { type: "SessionLogChunk", schemaVersion: 1, schema: SessionLogChunk }
] as const satisfies ReadonlyArray<EventDefinition>
