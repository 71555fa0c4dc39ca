import type { Flavour } from "../config.ts"
import { noLogFor } from "../outputs/install-text.ts"
import { classicSummary, exrXrPackages } from "../outputs/package-text.ts"
import type { ListName } from "../packages.ts"
import { say } from "../reply.ts"
import type { Reply } from "../reply.ts"
import type { CliCommand, CommandContext } from "./command.ts"
import { withOptionalAdmin } from "./command.ts"

/** `show install active|inactive|committed [summary]`, `request` and `log` (DEVICE.md §5, §9.3). */
const lists = (flavour: Flavour) =>
  ({ router }: CommandContext, match: RegExpExecArray): Reply => {
    const list = match[1] as ListName
    const names = router.packages.list("xr", list)
    return flavour === "xr" ? say(...classicSummary(list, names)) : say(...exrXrPackages(list, names, router.config.nodes))
  }

const request = ({ router }: CommandContext): Reply => say(...router.install.request())

const log = ({ router }: CommandContext, match: RegExpExecArray): Reply => {
  const op = router.install.operation(Number(match[1]))
  return op === undefined ? say(noLogFor(match[1]!)) : say(...router.install.text.log(op, match[2] !== undefined))
}

export const showInstallCommands = (flavour: Flavour): ReadonlyArray<CliCommand> => {
  const both = (command: CliCommand): ReadonlyArray<CliCommand> =>
    flavour === "xr" ? withOptionalAdmin(command) : [command]
  return [
    ...both({
      words: ["show", "install"],
      // Classic needs `summary` (the per-node form is not simulated); eXR accepts both.
      pattern: flavour === "xr" ? /^show install (active|inactive|committed) summary$/ : /^show install (active|inactive|committed)(?: summary)?$/,
      timestamped: true,
      run: lists(flavour)
    }),
    ...both({ words: ["show", "install", "request"], pattern: /^show install request$/, timestamped: true, run: request }),
    ...both({ words: ["show", "install", "log"], pattern: /^show install log (\d+)( detail)?$/, timestamped: true, run: log })
  ]
}
