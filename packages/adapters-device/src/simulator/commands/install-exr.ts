import { ask, lines, say } from "../reply.ts"
import type { Reply } from "../reply.ts"
import { addRequest, lookUpSource } from "./add-operation.ts"
import { beginOperation } from "./begin-operation.ts"
import type { StartOperation } from "./begin-operation.ts"
import type { CliCommand, CommandContext } from "./command.ts"
import { fixed } from "./command.ts"
import { packageArgs, partition } from "./install-args.ts"

/** eXR `install …` (DEVICE.md §9.3, transcripts B and C). */
const busyReply = (context: CommandContext): Reply | undefined => {
  const busy = context.router.install.busyWith()
  return busy === undefined
    ? undefined
    : say(`Could not start this install operation. Install operation ${busy.id} is still in progress`)
}

/** Begin the operation; abort it at once (refusal or fault), ask the reload question, or accept it. */
const startOperation: StartOperation = (context, request, line, refusal) => {
  const { install } = context.router
  const { op, started, refused } = beginOperation(context, request, line, refusal)
  if (refused !== undefined) return say(...started, ...install.refuse(op, refused))
  if (op.method !== "reload" || (request.action !== "activate" && request.action !== "deactivate")) {
    return say(...started, ...install.launch(op))
  }
  return [
    lines(...started, "", "This install operation will reload the sdr, continue?"),
    ask(
      " [yes/no]:[yes] ",
      true,
      (answer) => (/^no?$/i.test(answer) ? say(...install.refuse(op, [])) : say(...install.launch(op))),
      () => install.refuse(op, [])
    )
  ]
}

const needsPassword = (url: string): boolean => /^(?:s?ftp|scp):\/\//.test(url)

const add = (context: CommandContext, match: RegExpExecArray): Reply => {
  const busy = busyReply(context)
  if (busy !== undefined) return busy
  const { router } = context
  const url = match[1]!
  const files = match[2]!.split(" ")
  const proceed = (password: string | undefined): Reply => {
    const { found, missing, loginRefused } = lookUpSource(router, url, files, password)
    const repositoryError = loginRefused
      ? files.map((file) => `Failed to download ${file}: Permission denied`)
      : missing.length > 0
        ? missing.map((file) => `Failed to download ${file}: No such file`)
        : undefined
    const command = `install add source ${url} ${files.join(" ")}`
    return startOperation(context, addRequest(router, command, found, repositoryError), match.input, undefined)
  }
  return needsPassword(url) ? [ask("Password: ", false, proceed)] : proceed(undefined)
}

const changePackages = (action: "activate" | "deactivate" | "remove") =>
  (context: CommandContext, match: RegExpExecArray): Reply => {
    const busy = busyReply(context)
    if (busy !== undefined) return busy
    const { router } = context
    const args = packageArgs(router, match[1]!)
    const requested = args.kind === "names" ? args.names : []
    const from = action === "deactivate" ? "active" : "inactive"
    const { found, missing } = partition(requested, (name) => router.packages.find(from, name))
    const method = found.some((name) => router.packages.specOf(name)?.method === "reload") ? "reload" : "restart"
    const shownArgs = args.kind === "names" ? `${action === "remove" ? "" : "pkg "}${requested.join(" ")}` : `id ${args.id}`
    const refusal =
      args.kind === "unknownId"
        ? [`No install add operation with id ${args.id} completed successfully`]
        : missing.length > 0
          ? missing.map((name) => `Package ${name} is not in the ${from} package list`)
          : undefined
    return startOperation(
      context,
      {
        action,
        command: `install ${action} ${shownArgs}`,
        packages: found,
        ...(action === "remove" ? {} : { method }),
        onSuccess: () => router.packages[action](found)
      },
      match.input,
      refusal
    )
  }

const commit = (context: CommandContext, match: RegExpExecArray): Reply => {
  const busy = busyReply(context)
  if (busy !== undefined) return busy
  const { router } = context
  return startOperation(
    context,
    { action: "commit", command: "install commit", packages: [], onSuccess: router.packages.commit },
    match.input,
    undefined
  )
}

const action = (verb: "activate" | "deactivate" | "remove"): CliCommand => ({
  words: ["install", verb],
  pattern: new RegExp(`^install ${verb} (.+)$`),
  timestamped: true,
  run: changePackages(verb)
})

export const exrInstallCommands: ReadonlyArray<CliCommand> = [
  {
    words: ["install", "add", "source"],
    pattern: /^install add source (\S+) (.+)$/,
    timestamped: true,
    run: add
  },
  action("activate"),
  action("deactivate"),
  action("remove"),
  fixed("install commit", true, commit)
]
