import type { Flavour } from "../config.ts"
import { say, silent } from "../reply.ts"
import type { CliCommand } from "./command.ts"
import { fixed } from "./command.ts"

/** Terminal set-up, `exit` and `admin` (DEVICE.md §9.2, §2.4). */
export const terminalCommands = (flavour: Flavour): ReadonlyArray<CliCommand> => [
  fixed("terminal exec prompt no-timestamp", false, ({ session }) => {
    session.timestamps = false
    return silent
  }),
  fixed("terminal exec prompt timestamp", false, ({ session }) => {
    session.timestamps = true
    return silent
  }),
  { words: ["terminal", "length"], pattern: /^terminal len(?:gth)? \d+$/, timestamped: false, run: () => silent },
  { words: ["terminal", "width"], pattern: /^terminal width \d+$/, timestamped: false, run: () => silent },
  fixed("terminal monitor", false, () => silent),
  fixed("exit", false, () => [{ kind: "close" }]),
  flavour === "xr"
    ? fixed("admin", false, ({ session }) => {
        session.plane = "classicAdmin"
        return silent
      })
    : fixed("admin", false, ({ router, session }) => {
        session.plane = "adminVm"
        return say(
          `${session.user} connected from 127.0.0.1 using console on xr-vm_node0_RSP${router.boot.activeRsp}_CPU0`
        )
      }),
  // Classic admin mode sees every line with `admin ` in front.
  fixed("admin exit", false, ({ session }) => {
    session.plane = "xr"
    return silent
  })
]
