import type { Effect } from "effect"
import { Schema } from "effect"
import type { DiscoveredDevice } from "../driver/connect-request.ts"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { DeviceSession } from "../session/device-session.ts"
import type { Timing, TimingKey } from "../timing/timing-profile.ts"
import type { DeviceOs } from "./package-names.ts"
import type { OpenRepository } from "./repository-url.ts"

/** A step could not go on; `message` becomes `ERROR: [<step>] <message>` and the job's `status_message`. */
export class StepFailed extends Schema.TaggedError<StepFailed>()("StepFailed", {
  message: Schema.String
}) {}

/** The job ended at a step; its `ERROR:` line is already recorded. */
export class JobFailed extends Schema.TaggedError<JobFailed>()("JobFailed", {
  message: Schema.String
}) {}

/** What the device adapter remembers about a host between jobs (in memory; a restart forgets it). */
export interface HostMemory {
  /** `host:port` that last worked; forgotten after a reload. */
  lastTarget?: string | undefined
  /** Add op ids by sorted package list, for an Activate of tar files. */
  readonly addOperations: Map<string, number>
}

/** The captures of the host's last completed Pre-Upgrade, for the Post-Upgrade diff and ISIS compare. */
export interface LastPreUpgrade {
  readonly completedAt: number
  readonly files: ReadonlyMap<string, string>
}

/** Builds the text of `<name>.txt.diff` (one function, so that a maintained diff library sits behind it). */
export type UnifiedDiff = (oldLabel: string, newLabel: string, oldText: string, newText: string) => string

export type ReconnectBudget = Extract<TimingKey, "reconnectBudget" | "reloadReconnectBudget">

/**
 * One job's run, as the flows see it. The session can change under them (a reconnect after a
 * drop or a reload), so they always ask `session()` for the current one.
 */
export interface FlowContext {
  readonly packages: ReadonlyArray<string>
  readonly commands: ReadonlyArray<string>
  readonly serverDirectory: string
  readonly repository?: OpenRepository
  readonly timing: Timing
  readonly recorder: SessionRecorder
  readonly memory: HostMemory
  readonly lastPreUpgrade?: LastPreUpgrade
  readonly diff: UnifiedDiff
  readonly now: () => number
  readonly session: () => DeviceSession
  readonly device: () => DiscoveredDevice
  /** Close the session; connect again with fresh discovery within the budget. */
  readonly reconnect: (budget: ReconnectBudget) => Effect.Effect<void, StepFailed>
  /** Close the session now (a reload is about to drop it). */
  readonly disconnect: Effect.Effect<void>
  /** Post `status_message` (redacted on the way). */
  readonly status: (message: string) => Effect.Effect<void>
  /** Send the logs gathered so far. */
  readonly flush: Effect.Effect<void>
  /** `WARNING: …` and `ERROR: …` lines of `warnings_or_errors`, in order. */
  readonly warnings: Array<string>
  /** Files this job captured (name → text), for the Pre-Upgrade memory and the Post-Upgrade diff. */
  readonly captures: Map<string, string>
  /** The step now running, for the logs. */
  currentStep: string
}

export const osOf = (context: FlowContext): DeviceOs => context.device().os
