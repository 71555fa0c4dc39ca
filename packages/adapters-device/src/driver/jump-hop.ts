import { Effect } from "effect"
import type { Timing } from "../timing/timing-profile.ts"
import type { TargetFailed } from "./connection-failure.ts"
import { targetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import { literal } from "./expect-buffer.ts"
import { jumpPrompt } from "./prompts.ts"
import type { Target } from "./targets.ts"

/**
 * The hop from a jump host's shell to the device (DEVICE.md §2.1): wait for the shell prompt, type
 * `telnet <host> <port>` or an `ssh` command, and press Enter once it is echoed. The device's login
 * dialog then runs over the same shell.
 */

export const hopCommand = (connectionType: "telnet" | "ssh", target: Target, username: string | undefined): string =>
  connectionType === "telnet"
    ? `telnet ${target.host} ${target.port}`
    : `ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p ${target.port} ${username ?? ""}@${target.host}`

export const awaitJumpPrompt = (link: DeviceLink, timing: Timing, jump: Target): Effect.Effect<void, TargetFailed> =>
  link.reader.expect([jumpPrompt], timing.timeoutMs("firstPromptSsh")).pipe(
    Effect.asVoid,
    Effect.catchTags({
      ReadTimeout: () => Effect.fail(targetFailed(jump, "Connection timeout")),
      ReadEnded: () => Effect.fail(targetFailed(jump, "Connection closed"))
    })
  )

export const typeHop = (link: DeviceLink, command: string, timing: Timing, jump: Target): Effect.Effect<void, TargetFailed> =>
  Effect.sync(() => link.write(command)).pipe(
    Effect.andThen(link.reader.expect([new RegExp(literal(command))], timing.timeoutMs("echo"))),
    Effect.andThen(Effect.sync(() => link.write(link.enter))),
    Effect.catchTags({
      ReadTimeout: () => Effect.fail(targetFailed(jump, "Connection timeout")),
      ReadEnded: () => Effect.fail(targetFailed(jump, "Connection closed"))
    })
  )
