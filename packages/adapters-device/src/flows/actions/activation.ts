import { Effect } from "effect"
import type { CommandError } from "../../session/device-errors.ts"
import { info, send, sendExpecting, warn } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf, StepFailed } from "../flow-context.ts"
import type { Match } from "../package-matching.ts"
import { isTarFile, packageListKey } from "../package-names.ts"
import { parseClassicSummary } from "../package-state.ts"
import { announcesReload, errorLines, installMethods, logCommand, logSaysFailed } from "../operation-text.ts"
import { operationVerdict, watchOperation } from "../watch.ts"
import { exrStart, startClassic } from "./operation-start.ts"
import type { PackageLists } from "./refresh.ts"
import { readPackageLists } from "./refresh.ts"
import { reloadWait } from "./reload-wait.ts"

/** Install Activate and Install Deactivate (DEVICE.md §6.5), which differ only in the verb and the matching rule. */
export type Verb = "activate" | "deactivate"

const failStep = (message: string) => Effect.fail(new StepFailed({ message }))

/** `undefined` when there is nothing to do (the job completes without an install command). */
export const installActivation = (
  context: FlowContext,
  verb: Verb,
  match: (lists: PackageLists) => Match
) =>
  Effect.gen(function*() {
    const lists = yield* readPackageLists(context)
    const target = yield* activationTarget(context, verb, lists, match)
    if (target === undefined) return undefined
    if (osOf(context) === "XR") {
      // The classic "before" list is the XR view of what is active.
      const before = parseClassicSummary(yield* send(context, "show install active summary"))
      yield* classicActivation(context, `admin install ${verb} ${target} prompt-level none async`)
      return before
    }
    yield* exrActivation(context, `install ${verb} ${target}`)
    return lists.active
  })

/** The internal names to send, or `id <N>` of the Add of the same tar files. */
const activationTarget = (context: FlowContext, verb: Verb, lists: PackageLists, match: (lists: PackageLists) => Match) => {
  if (verb === "activate" && context.packages.some(isTarFile)) {
    const id = context.memory.addOperations.get(packageListKey(context.packages))
    return id === undefined
      ? failStep("No install add operation of the exact selected packages has been completed successfully.")
      : Effect.succeed(`id ${id}`)
  }
  const matched = match(lists)
  switch (matched._tag) {
    case "Send":
      info(context, `Matched packages: ${matched.names.join(" ")}`)
      return Effect.succeed(matched.names.join(" "))
    case "Nothing":
      info(context, matched.message)
      return Effect.succeed(undefined)
    case "Refused":
      return failStep(matched.message)
  }
}

/** Classic: accept, watch, read the log; an incremental install refused for parallel reload is resent with `parallel-reload`. */
const classicActivation = (context: FlowContext, command: string): Effect.Effect<void, StepFailed | CommandError> =>
  Effect.gen(function*() {
    const started = yield* startClassic(context, command, "installClassic")
    if (announcesReload(started.output)) {
      yield* watchOperation(context, { id: started.id, startOutput: started.output, reloads: true })
      return yield* reloadWait(context, started.id)
    }
    yield* watchOperation(context, { id: started.id, startOutput: started.output, reloads: false })
    const log = yield* send(context, logCommand(started.id, "XR"))
    if (logSaysFailed(log, started.id, "XR")) {
      if (/incremental.*parallel/.test(log) && !command.includes("parallel-reload")) {
        info(context, "The device asks for a parallel reload: sending the command again")
        return yield* classicActivation(context, command.replace(" async", " parallel-reload async"))
      }
      for (const line of errorLines(log, "XR")) warn(context, line)
      return yield* failStep(`Operation ${started.id} failed`)
    }
    const methods = installMethods(log)
    if (methods.includes("Parallel Reload")) return yield* reloadWait(context, started.id)
    if (methods.includes("Parallel Process Restart")) return
    warn(context, "No Install Method detected.")
    return yield* failStep("Reload or boot failure")
  })

/** The eXR activate dialog, judged by the first matching sentence in priority order. */
const dialog = [
  /Install operation will continue in the background/,
  /This install operation will (?:reboot|reload) the sdr, continue|This install operation will reload the system, continue/,
  /NO IMPACT OPERATION/,
  /aborted/,
  /ERROR! there was an SU\/ISSU done/,
  /Could not start this install operation/
]
const SU_ISSU =
  "ERROR! there was an SU/ISSU done. please perform install commit before proceeding with any other prepare/activate/deactivate operation"

const exrActivation = (context: FlowContext, command: string) =>
  Effect.gen(function*() {
    const { output } = yield* sendExpecting(context, command, dialog, "activateExrStep")
    if (output.includes("ERROR! there was an SU/ISSU done")) return yield* failStep(SU_ISSU)
    const started = yield* exrStart(output)
    if (output.includes("NO IMPACT OPERATION")) warn(context, "This was a NO IMPACT OPERATION. Packages are already active on device.")
    if (/aborted/.test(output)) return yield* Effect.asVoid(operationVerdict(context, started.id))
    const reloads = dialog[1]!.test(output)
    const end = yield* watchOperation(context, { id: started.id, startOutput: output, reloads })
    if (reloads) return yield* reloadWait(context, started.id)
    info(context, `Operation ${started.id} ${end}`)
    yield* operationVerdict(context, started.id)
  })
