import { adminVmInventory, exrPlatform } from "../outputs/hardware-text.ts"
import { exrAdminPackages } from "../outputs/package-text.ts"
import { nodeRows } from "../node-states.ts"
import type { ListName } from "../packages.ts"
import { say, silent } from "../reply.ts"
import type { CliCommand } from "./command.ts"
import { fixed } from "./command.ts"

/** The eXR admin VM (DEVICE.md §9.4): its own package lists, request, inventory, platform, `exit`. */
export const adminVmCommands: ReadonlyArray<CliCommand> = [
  {
    words: ["show", "install"],
    pattern: /^show install (active|inactive|committed)(?: summary)?$/,
    timestamped: true,
    run: ({ router }, match) =>
      say(...exrAdminPackages(match[1] as ListName, router.packages.list("admin", match[1] as ListName), router.config.nodes))
  },
  fixed("show install request", true, ({ router }) =>
    say(...router.install.request().map((line) => (line === router.install.text.idle[0] ? ` ${line}` : line)))
  ),
  fixed("show inventory chassis", true, ({ router }) => say(...adminVmInventory(router.config.chassis, router.config.nodes, true))),
  fixed("show inventory", true, ({ router }) => say(...adminVmInventory(router.config.chassis, router.config.nodes, false))),
  fixed("show platform", true, ({ router }) => say(...exrPlatform(nodeRows(router)))),
  fixed("exit", false, ({ session }) => {
    session.plane = "xr"
    return silent
  })
]
