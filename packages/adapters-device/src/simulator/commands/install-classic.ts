import type { InstallAction } from "../faults.ts"
import { defer, lines, say, wait } from "../reply.ts"
import type { Reply } from "../reply.ts"
import { maskUrlPassword, parseSourceUrl } from "../repository.ts"
import type { RouterRuntime } from "../runtime.ts"
import { addRequest, lookUpSource } from "./add-operation.ts"
import { beginOperation } from "./begin-operation.ts"
import type { InstallRequest, StartOperation } from "./begin-operation.ts"
import type { CliCommand, CommandContext } from "./command.ts"
import { fixed } from "./command.ts"
import { packageArgs, partition, plannedFault } from "./install-args.ts"

/** Classic XR `admin install …` (DEVICE.md §9.3, transcript A). */
const busyLines = [
  "Cannot proceed with the operation as another install command is currently in operation.",
  "Suggested steps to resolve this:",
  " - re-issue the command when the current operation has completed."
]

/** The quoted command of the start line: `(admin) install …` without `async`. */
const quoted = (line: string): string =>
  `(admin) ${line
    .replace(/^admin /, "")
    .split(" ")
    .filter((word) => word !== "async")
    .join(" ")}`

/** Begin the operation; refuse it when busy or by fault, else accept it. */
const startOperation: StartOperation = (context, request, line, refusal) => {
  const { router } = context
  const busy = router.install.busyWith() !== undefined
  const { op, started, refused } = beginOperation(context, request, line, busy ? busyLines : refusal)
  if (refused !== undefined) return say(...started, ...router.install.refuse(op, refused))
  return say(...started, ...router.install.launch(op))
}

const add = (context: CommandContext, match: RegExpExecArray): Reply => {
  const { router } = context
  const url = match[1]!
  const files = match[2]!.split(" ")
  const { found, missing, loginRefused } = lookUpSource(router, url, files, parseSourceUrl(url).password)
  const repositoryError = loginRefused
    ? ["Cannot proceed with the add operation because the login to the server failed:", `    ${maskUrlPassword(url)}`]
    : missing.length > 0
      ? [
          "Cannot proceed with the add operation because the package file could not be found:",
          ...missing.map((file) => `    ${maskUrlPassword(url.replace(/\/$/, ""))}/${file}`)
        ]
      : undefined
  const command = `(admin) install add source /${url.replace(/\/$/, "")}/ ${files.join(" ")}`
  return startOperation(
    context,
    addRequest(router, command, found, repositoryError),
    match.input,
    router.faults().pieExpired === true
      ? ["Cannot proceed with the add operation because the code signing certificate has expired."]
      : undefined
  )
}

const methodOf = (router: RouterRuntime, names: ReadonlyArray<string>): "restart" | "reload" =>
  names.some((name) => router.packages.specOf(name)?.method === "reload") ? "reload" : "restart"

const changePackages = (action: "activate" | "deactivate" | "remove") =>
  (context: CommandContext, match: RegExpExecArray): Reply => {
    const { router } = context
    const args = packageArgs(router, match[1]!)
    const request = (packages: ReadonlyArray<string>): InstallRequest => ({
      action,
      command: quoted(match.input),
      packages,
      ...(action === "remove" ? {} : { method: methodOf(router, packages) }),
      onSuccess: () => router.packages[action](packages)
    })
    if (args.kind === "unknownId") {
      const unknown = [`No install add operation with id ${args.id} completed successfully.`]
      return startOperation(context, request([]), match.input, unknown)
    }
    const from = action === "activate" || action === "remove" ? "inactive" : "active"
    const { found, missing } = partition(args.names, (name) => router.packages.find(from, name))
    const alreadyActive =
      action === "activate" ? args.names.flatMap((name) => router.packages.find("active", name) ?? []) : []
    const refusal =
      alreadyActive.length > 0
        ? [
            "Cannot activate the following packages as they are already active on",
            "the router:",
            ...alreadyActive.map((name) => `    ${name}`)
          ]
        : missing.length > 0
          ? [
              `Cannot ${action} the following packages as they are not ${from} on the router:`,
              ...missing.map((name) => `    ${name}`)
            ]
          : undefined
    return startOperation(context, request(found), match.input, refusal)
  }

const commit = (context: CommandContext, match: RegExpExecArray): Reply => {
  const { router } = context
  if (router.install.busyWith() !== undefined || plannedFault(router, "commit", match.input)?.mode === "refuse") {
    return startOperation(context, { action: "commit", command: "(admin) install commit", packages: [] }, match.input, undefined)
  }
  const { op } = beginOperation(
    context,
    {
      action: "commit",
      command: "(admin) install commit",
      packages: router.packages.list("xr", "active"),
      onSuccess: router.packages.commit
    },
    match.input,
    undefined
  )
  const started = op.printed.length
  if (router.config.progressMode === "polls") return say(...op.printed, ...router.install.completeNow(op))
  // Synchronous: the prompt returns when the commit is done (it also completes if this session drops meanwhile).
  router.timers.after(op.durationSeconds, () => router.install.completeNow(op))
  return [
    lines(...op.printed),
    wait(op.durationSeconds),
    defer(() => {
      router.install.completeNow(op)
      return say(...op.printed.slice(started))
    })
  ]
}

const action = (verb: InstallAction, run: CliCommand["run"]): CliCommand => ({
  words: ["admin", "install", verb],
  pattern: new RegExp(`^admin install ${verb} (.+)$`),
  timestamped: true,
  run
})

export const classicInstallCommands: ReadonlyArray<CliCommand> = [
  {
    words: ["admin", "install", "add", "source"],
    pattern: /^admin install add source (\S+) (.+?)(?: async)?$/,
    timestamped: true,
    run: add
  },
  action("activate", changePackages("activate")),
  action("deactivate", changePackages("deactivate")),
  action("remove", changePackages("remove")),
  fixed("admin install commit", true, commit)
]
