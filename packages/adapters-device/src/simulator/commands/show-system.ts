import { uptimeText } from "../clock.ts"
import type { Flavour } from "../config.ts"
import { exrPlatform, classicPlatform, xrInventory } from "../outputs/hardware-text.ts"
import {
  cfsCheck,
  classicVersion,
  exrVersion,
  failedStartupConfig,
  filesystem,
  isisSummary,
  redundancy,
  runningConfig
} from "../outputs/system-text.ts"
import { nodeRows } from "../node-states.ts"
import { say } from "../reply.ts"
import type { Reply } from "../reply.ts"
import type { RouterRuntime } from "../runtime.ts"
import type { CliCommand, CommandContext } from "./command.ts"
import { fixed, withOptionalAdmin } from "./command.ts"

/** Discovery and check commands (DEVICE.md §9.2). */
const version = ({ router }: CommandContext): Reply => {
  const uptime = uptimeText(router.clock.now().getTime() - router.boot.bootedAt.getTime())
  const current = router.packages.version()
  return router.config.flavour === "xr"
    ? say(...classicVersion({ hostname: router.config.hostname, version: current, uptime, chassis: router.config.chassis }))
    : say(...exrVersion({ version: current, uptime, chassis: router.config.chassis }))
}

const freeSpace = (router: RouterRuntime): number =>
  router.faults().diskFree ?? Math.max(0, router.config.diskFree - router.disk.used)

const usersLines = ({ router, session }: CommandContext): Reply => {
  const rows = router.sessions().flatMap((handle) => {
    const user = handle.user()
    if (user === undefined) return []
    const mark = handle === session.handle ? "*" : " "
    const kind = handle.kind
    const service = kind.transport === "console" ? "hardware" : kind.transport
    const location = kind.transport === "console" ? "" : `   ${router.config.clientAddress}`
    return [`${mark}  ${handle.line}   ${user}   ${service}   0  00:00:00${location}`]
  })
  return say("   Line            User                 Service  Conns   Idle        Location", "", ...rows)
}

const logging = ({ router }: CommandContext): Reply =>
  say(
    "Syslog logging: enabled (0 messages dropped, 0 flushes, 0 overruns, xml disabled, filtering disabled)",
    "    Console logging: level informational, 96 messages logged",
    "    Buffer logging: level debugging, 214 messages logged",
    "",
    "Log Buffer (2097152 bytes):",
    "",
    ...router.syslog,
    ...(router.faults().logErrorLines ?? [])
  )

const isis = (context: CommandContext): Reply => {
  const lines = isisSummary(context.router.faults())
  return lines === undefined
    ? [{ kind: "invalid", column: "show ".length }]
    : say(...lines)
}

const inventory = (chassisOnly: boolean) =>
  ({ router }: CommandContext): Reply => {
    const { chassis, nodes, flavour } = router.config
    return say(...xrInventory(chassis, nodes, flavour === "xr" ? `chassis ${chassis.pid}` : "Rack 0", chassisOnly))
  }

export const systemCommands = (flavour: Flavour): ReadonlyArray<CliCommand> => {
  const platform = ({ router }: CommandContext): Reply =>
    say(...(flavour === "xr" ? classicPlatform(nodeRows(router)) : exrPlatform(nodeRows(router))))
  const both = (command: CliCommand): ReadonlyArray<CliCommand> =>
    flavour === "xr" ? withOptionalAdmin(command) : [command]
  return [
    ...(flavour === "xr" ? [fixed("show version brief", true, version)] : []),
    fixed("show version", true, version),
    ...both(fixed("show inventory chassis", true, inventory(true))),
    ...both(fixed("show inventory", true, inventory(false))),
    ...both(fixed("show platform", true, platform)),
    ...both(
      fixed("show redundancy location all", true, ({ router }) =>
        say(...redundancy(router.boot.activeRsp, router.faults()))
      )
    ),
    ...both(fixed("show redundancy", true, ({ router }) => say(...redundancy(router.boot.activeRsp, router.faults())))),
    fixed("show running-config", true, ({ router }) =>
      say(...runningConfig(router.config.hostname, router.packages.version(), router.boot.activeRsp))
    ),
    fixed("cfs check", true, ({ router }) => say(...cfsCheck(router.faults()))),
    fixed("show isis neighbor summary", true, isis),
    { words: ["show", "logging"], pattern: /^show logging(?: last \d+)?$/, timestamped: true, run: logging },
    fixed("show configuration failed startup", true, ({ router }) => say(...failedStartupConfig(router.faults()))),
    fixed("show filesystem", true, ({ router }) => say(...filesystem(router.config.diskSize, freeSpace(router)))),
    fixed("show users", true, usersLines)
  ]
}
