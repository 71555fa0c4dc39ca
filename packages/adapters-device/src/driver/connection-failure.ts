import { Schema } from "effect"
import type { Target } from "./targets.ts"

/**
 * Why one target failed (DEVICE.md §2.2, §8). `message` is the job's status as §8 words it
 * (`Connection error: 10.1.1.1:23: Connection refused`). A `fatal` failure ends the connect at once
 * (wrong credentials, a device not in global mode, missing credentials): every target reaches the
 * same device and would fail the same way.
 */
export class TargetFailed extends Schema.TaggedError<TargetFailed>()("TargetFailed", {
  message: Schema.String,
  fatal: Schema.Boolean
}) {}

export const targetFailed = (target: Target, reason: string, fatal = false): TargetFailed =>
  new TargetFailed({
    message: `Connection error: ${reason === "Unknown host" ? target.host : `${target.host}:${target.port}`}: ${reason}`,
    fatal
  })

/** A failure whose message stands alone ("Device is not in global mode"). */
export const fatalFailure = (message: string): TargetFailed => new TargetFailed({ message, fatal: true })

/** Node socket error codes (also carried by ssh2's errors). */
export const reasonOfSocketError = (error: { readonly code?: unknown; readonly message?: unknown }): string => {
  switch (error.code) {
    case "ECONNREFUSED":
      return "Connection refused"
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "Unknown host"
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "No route to host"
    case "ETIMEDOUT":
      return "Connection timeout"
    default:
      return typeof error.message === "string" && error.message !== "" ? error.message : "Connection failed"
  }
}

/** What a jump host's telnet/ssh client printed when it could not reach the device. */
export const reasonOfDeviceText = (text: string): string => {
  if (/[Cc]onnection refused/.test(text)) return "Connection refused"
  if (/[Uu]nknown host|could not resolve/i.test(text)) return "Unknown host"
  if (/No route to host|[Dd]estination unreachable/.test(text)) return "No route to host"
  if (/[Oo]peration timed out|[Cc]onnection timed out/.test(text)) return "Connection timeout"
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "")
  return lines.at(-1) ?? "Unable to connect to the device"
}
