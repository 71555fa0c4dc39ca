import { Effect } from "effect"
import type { DiscoveredDevice } from "../../driver/connect-request.ts"
import type { StepLevel } from "../../logs/session-recorder.ts"
import type { DeviceSession } from "../../session/device-session.ts"
import { makeTiming } from "../../timing/timing-profile.ts"
import type { FlowContext, HostMemory, LastPreUpgrade } from "../flow-context.ts"
import type { DeviceOs } from "../package-names.ts"

/** A `FlowContext` over given sessions (the next one after each reconnect), recording what the flows post. */
export interface FakeContext extends FlowContext {
  readonly statuses: Array<string>
  readonly steps: Array<string>
  readonly files: Map<string, string>
  readonly reconnects: Array<string>
}

export const deviceOf = (os: DeviceOs): DiscoveredDevice => ({
  os,
  console: false,
  family: "ASR9K",
  hardware: os === "XR" ? "ASR-9006" : "ASR-9904",
  os_type: os,
  software_platform: os === "XR" ? "ASR9K" : "ASR9K-X64",
  software_version: os === "XR" ? "5.3.3" : "6.1.2"
})

export const fakeContext = (
  os: DeviceOs,
  sessions: ReadonlyArray<DeviceSession>,
  options: {
    readonly packages?: ReadonlyArray<string>
    readonly memory?: HostMemory
    readonly lastPreUpgrade?: LastPreUpgrade
    readonly now?: () => number
  } = {}
): FakeContext => {
  let index = 0
  const statuses: Array<string> = []
  const steps: Array<string> = []
  const files = new Map<string, string>()
  const reconnects: Array<string> = []
  return {
    packages: options.packages ?? [],
    commands: [],
    serverDirectory: "",
    timing: makeTiming({ timeScale: 0 }),
    recorder: {
      transcript: () => undefined,
      step: (level: StepLevel, step, message) => steps.push(`${level} [${step}] ${message}`),
      file: (name, text) => files.set(name, text),
      secret: () => undefined
    },
    memory: options.memory ?? { addOperations: new Map() },
    ...(options.lastPreUpgrade !== undefined && { lastPreUpgrade: options.lastPreUpgrade }),
    diff: (a, b, before, after) => `--- ${a}\n+++ ${b}\n-${before}\n+${after}\n`,
    now: options.now ?? (() => 0),
    session: () => sessions[Math.min(index, sessions.length - 1)]!,
    device: () => deviceOf(os),
    reconnect: (budget) => Effect.sync(() => {
      reconnects.push(budget)
      index += 1
    }),
    disconnect: Effect.void,
    status: (message) => Effect.sync(() => statuses.push(message)),
    flush: Effect.void,
    warnings: [],
    captures: new Map(),
    currentStep: "Test",
    statuses,
    steps,
    files,
    reconnects
  }
}
