import { Cause, Effect, Result, Scope } from "effect"
import type { DeviceJob, DeviceOutcome, DeviceUpdate, HostFacts, SecretBox } from "@csm/core"
import type { ConnectedDevice, ConnectOptions, LoginTarget } from "../driver/connect-request.ts"
import type { ConnectionFailed } from "../session/device-errors.ts"
import { actionsByName } from "../flows/actions/by-name.ts"
import type { FlowContext, ReconnectBudget, UnifiedDiff } from "../flows/flow-context.ts"
import { StepFailed } from "../flows/flow-context.ts"
import { untypeableName } from "../flows/package-names.ts"
import { repositorySource } from "../flows/repository-url.ts"
import { logDirectoryName } from "../logs/log-directory.ts"
import { makeRedactor } from "../logs/redaction.ts"
import type { StreamingRecorder } from "../logs/streaming-recorder.ts"
import { makeStreamingRecorder } from "../logs/streaming-recorder.ts"
import type { Timing } from "../timing/timing-profile.ts"
import type { HostMemories } from "./host-memory.ts"
import { openJobSecrets } from "./open-secrets.ts"

/** How the gateway reaches a device: `connect` of `driver/connect.ts`, or a stand-in in tests. */
export type Connect = (target: LoginTarget, options: ConnectOptions) => Effect.Effect<ConnectedDevice, ConnectionFailed, Scope.Scope>

export interface JobRunner {
  readonly secrets: SecretBox["Service"]
  readonly connect: Connect
  readonly timing: Timing
  readonly diff: UnifiedDiff
  readonly memories: HostMemories
  readonly now: () => number
}

export const INTERNAL_FAULT = "The job stopped because of an internal error in the device driver; see error.log."

const factsOf = ({ family, hardware, os_type, software_platform, software_version }: HostFacts): HostFacts => ({
  family, hardware, os_type, software_platform, software_version
})

/**
 * Runs one install job (DEVICE.md §6.1): checks what can be checked before connecting, connects,
 * runs the action's steps, and always disconnects and sends the rest of the logs. Device failures
 * and internal faults both end as a `Failed` outcome: this never fails.
 */
export const runJob = (runner: JobRunner) => (job: DeviceJob, report: (update: DeviceUpdate) => Effect.Effect<void>) =>
  Effect.gen(function*() {
    const redactor = makeRedactor()
    const recorder = makeStreamingRecorder({
      directory: logDirectoryName(job.target.hostname, job.startedAt, job.id),
      redactor,
      report
    })
    const warnings: Array<string> = []
    const outcome = yield* runRecorded(runner, job, report, recorder, redactor.redact, warnings).pipe(
      Effect.catchCause((cause) =>
        Cause.hasInterruptsOnly(cause) ? Effect.failCause(cause) : Effect.sync(() => {
          recorder.file("error.log", Cause.pretty(cause))
          return { _tag: "Failed", message: INTERNAL_FAULT, warnings } as const
        })
      ),
      Effect.ensuring(recorder.finish)
    )
    return redactOutcome(outcome, redactor.redact)
  })

const redactOutcome = (outcome: DeviceOutcome, redact: (text: string) => string): DeviceOutcome => ({
  ...outcome,
  warnings: outcome.warnings.map(redact),
  ...(outcome._tag === "Failed" && { message: redact(outcome.message) })
})

const runRecorded = (
  runner: JobRunner,
  job: DeviceJob,
  report: (update: DeviceUpdate) => Effect.Effect<void>,
  recorder: StreamingRecorder,
  redact: (text: string) => string,
  warnings: Array<string>
) =>
  Effect.gen(function*() {
    const opened = yield* openJobSecrets(runner.secrets, job)
    opened.secrets.forEach(recorder.secret)
    const failed = (message: string): DeviceOutcome => ({ _tag: "Failed", message, warnings })
    const action = actionsByName[job.action]
    if (action === undefined) return failed(`Unknown install action '${job.action}'.`)
    const untypeable = untypeableName(job.packages)
    if (untypeable !== undefined) return failed(untypeable)
    if (opened.repository !== undefined) {
      const source = repositorySource(opened.repository, job.server_directory, "XR")
      if (Result.isFailure(source)) return failed(source.failure)
    }

    const memory = runner.memories.of(job.target.hostname)
    const status = (message: string) => report({ _tag: "Status", message: redact(message) })
    return yield* Effect.scopedWith((scope) =>
      Effect.gen(function*() {
        const connectWith = (budget: ConnectOptions["budget"]) =>
          runner.connect(opened.target, {
            timing: runner.timing,
            recorder,
            status,
            budget,
            ...(budget !== "reloadReconnectBudget" && memory.lastTarget !== undefined && { preferred: memory.lastTarget })
          }).pipe(Scope.provide(scope))

        yield* status("Connecting to device")
        const first = yield* Effect.result(connectWith("connectBudget"))
        if (Result.isFailure(first)) {
          const message = first.failure.message
          recorder.step("ERROR", "Connection", message)
          warnings.push(`ERROR: [Connection] Unable to connect to ${job.target.hostname} (${message.replace(/^Connection error: /, "")})`)
          return failed(message)
        }
        let current = first.success
        const connected = (device: ConnectedDevice) => {
          memory.lastTarget = device.target
          const { os, family, hardware, software_version } = device.device
          recorder.step("INFO", "Connection", `Connected to ${device.session.url}: ${os} ${family} ${hardware} ${software_version}`)
        }
        connected(current)

        const context: FlowContext = {
          packages: job.packages,
          commands: job.commands,
          serverDirectory: job.server_directory,
          ...(opened.repository !== undefined && { repository: opened.repository }),
          timing: runner.timing,
          recorder,
          memory,
          ...(job.lastPreUpgrade !== undefined && {
            lastPreUpgrade: { completedAt: Date.parse(job.lastPreUpgrade.completedAt), files: job.lastPreUpgrade.files }
          }),
          diff: runner.diff,
          now: runner.now,
          session: () => current.session,
          device: () => current.device,
          reconnect: (budget: ReconnectBudget) =>
            Effect.gen(function*() {
              yield* current.session.close
              current = yield* connectWith(budget).pipe(Effect.mapError((error) => new StepFailed({ message: error.message })))
              connected(current)
            }),
          disconnect: Effect.suspend(() => current.session.close),
          status,
          flush: recorder.flush,
          warnings,
          captures: new Map(),
          currentStep: "Connection"
        }
        const result = yield* Effect.result(action(context).pipe(Effect.ensuring(Effect.suspend(() => current.session.close))))
        const facts = factsOf(current.device)
        if (Result.isFailure(result)) return { ...failed(result.failure.message), facts }
        const { packageChanges, packages } = result.success
        return {
          _tag: "Completed",
          packageChanges,
          warnings,
          facts,
          ...(packages !== undefined && { packages })
        } satisfies DeviceOutcome
      })
    )
  })
