import { Effect, Result } from "effect"
import { diskSpaceCheck } from "../checks.ts"
import { info, send, sendExpecting, sendSecret } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf, StepFailed } from "../flow-context.ts"
import { addableFiles, NO_ACCEPTABLE_EXTENSION, packageListKey } from "../package-names.ts"
import { parseClassicSummary, parseExrPackages, withoutLocation } from "../package-state.ts"
import { loggedPackages } from "../operation-text.ts"
import type { RepositorySource } from "../repository-url.ts"
import { repositorySource } from "../repository-url.ts"
import { fail, step } from "../steps.ts"
import { operationVerdict, watchOperation } from "../watch.ts"
import type { Action } from "./action.ts"
import { added } from "./action.ts"
import { exrStart, startClassic } from "./operation-start.ts"
import { refresh } from "./refresh.ts"

const passwordPrompt = /[Pp]assword:/
const exrAccepted = /Install operation will continue in the background/

/** Add (DEVICE.md §6.1, §6.4): Disk Space Check (classic, TFTP/FTP), Install Add, Refresh. */
export const add: Action = (context) =>
  Effect.gen(function*() {
    const os = osOf(context)
    const files = addableFiles(context.packages, os)
    if (files.length === 0) return yield* fail(context, "Install Add", NO_ACCEPTABLE_EXTENSION)
    if (context.repository === undefined) return yield* fail(context, "Install Add", "The job has no server repository.")
    const source = repositorySource(context.repository, context.serverDirectory, os)
    if (Result.isFailure(source)) return yield* fail(context, "Install Add", source.failure)

    const type = context.repository.server_type
    if (os === "XR" && source.success._tag === "Url" && (type === "TFTP" || type === "FTP")) {
      const url = source.success.url
      yield* step(context, "Disk Space Check", diskSpaceCheck(context, url, files.filter((file) => file.endsWith(".pie"))))
    }
    const packageChanges = yield* step(context, "Install Add", installAdd(context, source.success, files))
    const packages = yield* step(context, "Refresh", refresh(context))
    return { packageChanges, packages }
  })

const installAdd = (context: FlowContext, source: RepositorySource, files: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const os = osOf(context)
    const url = source._tag === "Scp" ? yield* scpCopy(context, source, files) : source.url
    const typedPassword = source._tag === "Url" ? source.typedPassword : undefined
    const inactive = () =>
      os === "XR"
        ? Effect.map(send(context, "show install inactive summary"), parseClassicSummary)
        : Effect.map(send(context, "show install inactive"), (output) => parseExrPackages(output).names)
    const before = yield* inactive()
    const started = os === "XR"
      ? yield* startClassic(context, `admin install add source ${url} ${files.join(" ")} async`, "installClassic")
      : yield* Effect.flatMap(
        typedPassword === undefined
          ? send(context, `install add source ${url} ${files.join(" ")}`, "addExr")
          : typePassword(context, `install add source ${url} ${files.join(" ")}`, typedPassword),
        (output) => exrStart(output)
      )
    yield* watchOperation(context, { id: started.id, startOutput: started.output, reloads: false })
    const log = yield* operationVerdict(context, started.id)
    remember(context, started.id)
    // eXR names what it added in the log; classic is read from the inactive list before and after.
    const logged = os === "eXR" ? loggedPackages(log) : []
    return logged.length > 0 ? logged : added(before, yield* inactive()).map(withoutLocation)
  })

/** eXR FTP/SFTP: the password is typed at `Password:`, never put in the URL. */
const typePassword = (context: FlowContext, command: string, password: string) =>
  Effect.gen(function*() {
    const asked = yield* sendExpecting(context, command, [passwordPrompt], "passwordPrompt")
    if (asked.matched !== 0) return asked.output
    const answered = yield* sendSecret(context, password, [exrAccepted], "addExr")
    return `${asked.output}\n${answered.output}`
  })

/** SCP: copy each package to the device first, then add from the destination. */
const scpCopy = (context: FlowContext, source: Extract<RepositorySource, { _tag: "Scp" }>, files: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    for (const file of files) {
      const asked = yield* sendExpecting(
        context,
        `scp ${source.login}:${source.directory}/${file} ${source.destination}`,
        [passwordPrompt],
        "passwordPrompt"
      )
      const output = asked.matched === 0 ? (yield* sendSecret(context, source.password, [], "scpCopy")).output : asked.output
      const failure = /^.*(?:No such file or directory|Permission denied).*$/m.exec(output)
      if (failure !== null) return yield* Effect.fail(new StepFailed({ message: failure[0].trim() }))
      info(context, `Copied ${file} to ${source.destination}`)
    }
    return source.destination
  })

/** An Activate of the same package list (tar files) refers to this Add by its op id. */
const remember = (context: FlowContext, id: number): void => {
  context.memory.addOperations.set(packageListKey(context.packages), id)
}
