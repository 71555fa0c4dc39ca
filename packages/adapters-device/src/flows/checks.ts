import { Effect } from "effect"
import {
  captureFileName, cfsConsistent, compareIsis, coreErrorLines, disk0Free, failedStartupLines, pieSize, readIsis, readPlatform,
  readRedundancy
} from "./check-parsers.ts"
import { info, save, send, warn } from "./commands.ts"
import type { FlowContext } from "./flow-context.ts"
import { osOf, StepFailed } from "./flow-context.ts"

/** The checks and captures of DEVICE.md §6.2, each the body of one step. */

const failStep = (message: string) => Effect.fail(new StepFailed({ message }))
const adminOnClassic = (context: FlowContext, command: string) => osOf(context) === "XR" ? `admin ${command}` : command

export const configCapture = (context: FlowContext) =>
  Effect.map(send(context, "show running-config", "capture"), (output) => save(context, "show-running-config.txt", output))

/** Each command of the job's profiles, in order, each into its own file. */
export const customCommandsCapture = (context: FlowContext) =>
  Effect.forEach(context.commands, (command) =>
    send(context, command, "capture").pipe(
      Effect.map((output) => save(context, captureFileName(command), output)),
      Effect.catchTag("CommandSyntaxError", () => failStep(`Command Syntax Error: '${command}'`))
    ), { discard: true })

export const configFilesystemCheck = (context: FlowContext) =>
  Effect.flatMap(send(context, "cfs check", "cfsCheck"), (output) => {
    if (cfsConsistent(output)) return Effect.void
    for (const line of output.split("\n").filter((text) => text.trim() !== "")) warn(context, line.trim())
    return failStep("The configuration filesystem has inconsistencies")
  })

export const showPlatform = (context: FlowContext) => send(context, adminOnClassic(context, "show platform"), "showPlatform")

export const nodeStatusCheck = (context: FlowContext) =>
  Effect.flatMap(showPlatform(context), (output) => {
    const reading = readPlatform(output, osOf(context))
    if (reading._tag === "Unexpected") return failStep("Unexpected show platform output")
    for (const { node, state } of reading.invalid) info(context, `Node ${node} is in state ${state}`)
    return reading.invalid.length === 0 ? Effect.void : failStep("Not all nodes in correct state. Upgrade can not proceed")
  })

export const nodeRedundancyCheck = (context: FlowContext) =>
  Effect.flatMap(send(context, adminOnClassic(context, "show redundancy location all")), (output) => {
    const verdict = readRedundancy(output)
    if (verdict === "insufficient") return failStep("Show redundancy output is insufficient.")
    return verdict === "ready" ? Effect.void : failStep("Standby is not ready. Upgrade can not proceed.")
  })

const ISIS_FILE = "show-isis-neighbor-summary.txt"
const TWO_HOURS_MS = 2 * 60 * 60 * 1000

/** Saves the summary when an instance exists; on Post-Upgrade, compares it with the Pre-Upgrade one. */
export const isisNeighborCheck = (context: FlowContext, compare: boolean) =>
  send(context, "show isis neighbor summary").pipe(
    Effect.map((output) => {
      const counts = readIsis(output)
      if (Object.keys(counts).length > 0) save(context, ISIS_FILE, output)
      const before = context.lastPreUpgrade
      if (!compare || before === undefined) return
      if (context.now() - before.completedAt > TWO_HOURS_MS) warn(context, "The Pre-Upgrade ISIS data is more than 2 hours old")
      const previous = before.files.get(ISIS_FILE)
      if (previous !== undefined) for (const text of compareIsis(readIsis(previous), counts)) warn(context, text)
    }),
    Effect.catchTag("CommandSyntaxError", () => Effect.sync(() => info(context, "No ISIS on this device")))
  )

export const coreErrorCheck = (context: FlowContext) =>
  Effect.map(send(context, "show logging last 500", "logging"), (output) => {
    save(context, "show-logging-last-500.txt", output)
    for (const line of coreErrorLines(output)) warn(context, line)
  })

export const failedStartupConfigCheck = (context: FlowContext) =>
  Effect.map(send(context, "show configuration failed startup"), (output) => {
    const lines = failedStartupLines(output)
    if (lines.length === 0) return
    warn(context, "Some configuration parts failed during startup")
    for (const line of lines) warn(context, line)
  })

/** The `disk0:` free space must hold the uncompressed size of every pie to add. */
export const diskSpaceCheck = (context: FlowContext, repositoryUrl: string, pies: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const free = disk0Free(yield* send(context, "show filesystem"))
    if (free === undefined) return yield* failStep("No filesystem 'disk0:' on active RP.")
    let needed = 0
    for (const pie of pies) {
      const size = pieSize(yield* send(context, `admin show install pie-info ${repositoryUrl}/${pie}`, "pieInfo"))
      if (size._tag === "Error") return yield* failStep(size.text)
      if (size._tag === "Unknown") return yield* failStep(`Unable to read the size of ${pie}`)
      needed += size.bytes
    }
    info(context, `${needed} bytes needed, ${free} bytes free on disk0:`)
    if (needed > free) return yield* failStep("Not enough space on disk0: to install packages. The install process can't proceed.")
  })
