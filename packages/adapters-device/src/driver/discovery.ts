import { Effect } from "effect"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import type { CommandError } from "../session/device-errors.ts"
import type { DeviceSession } from "../session/device-session.ts"
import type { Timing } from "../timing/timing-profile.ts"
import type { DiscoveredDevice } from "./connect-request.ts"
import {
  chassisUdiOf,
  familyOf,
  hardwareOf,
  isConsoleSession,
  osTypeOf,
  softwarePlatformOf,
  softwareVersionOf
} from "./discovery-parsing.ts"

/** Discovery (DEVICE.md §2.5), run after terminal set-up on every connect. */

/** A syntax error here means "not this command on this device", not a failed job. */
const orEmpty = (effect: Effect.Effect<string, CommandError>) =>
  effect.pipe(Effect.catchTag("CommandSyntaxError", () => Effect.succeed("")))

export const discover = (
  session: DeviceSession,
  timing: Timing,
  recorder: SessionRecorder
): Effect.Effect<DiscoveredDevice, CommandError> =>
  Effect.gen(function* () {
    const timeoutMs = timing.timeoutMs("showVersion")
    // eXR answers `show version brief` with a syntax error.
    const versionText = yield* session
      .send("show version brief", timeoutMs)
      .pipe(Effect.catchTag("CommandSyntaxError", () => session.send("show version", timeoutMs)))
    const os = osTypeOf(versionText) ?? "XR"
    const family = familyOf(versionText, os)
    const inventory = yield* orEmpty(
      os === "eXR"
        ? session.admin(session.send("show inventory chassis", timeoutMs))
        : session.send("admin show inventory chassis", timeoutMs)
    )
    const udi = chassisUdiOf(inventory)
    const showUsers = yield* orEmpty(session.send("show users", timeoutMs))
    const device: DiscoveredDevice = {
      os,
      os_type: os,
      family,
      hardware: hardwareOf(udi?.pid ?? "", family),
      software_platform: softwarePlatformOf(family, os),
      software_version: softwareVersionOf(versionText),
      console: isConsoleSession(showUsers)
    }
    recorder.step(
      "INFO",
      "Discovery",
      `os_type ${device.os_type}, software_version ${device.software_version}, family ${device.family}, hardware ${device.hardware}, ` +
        `software_platform ${device.software_platform}, chassis ${udi === undefined ? "unknown" : `PID ${udi.pid} VID ${udi.vid} SN ${udi.sn}`}, ` +
        (device.console ? "console" : "vty")
    )
    return device
  })

/** Terminal set-up right after login (DEVICE.md §2.4); the device's objections are ignored. */
export const setUpTerminal = (session: DeviceSession, timing: Timing): Effect.Effect<void, CommandError> =>
  Effect.forEach(
    ["terminal exec prompt no-timestamp", "terminal len 0", "terminal width 0"],
    (command) => session.send(command, timing.timeoutMs("command")).pipe(Effect.catchTag("CommandSyntaxError", () => Effect.void)),
    { discard: true }
  )
