import { DeviceGateway } from "@csm/core"
import { Effect, Layer } from "effect"

export const NO_DEVICE_DRIVER = "No device driver is installed in this server yet; install jobs cannot run."

/**
 * The device gateway until the SSH/telnet adapters exist (a later issue): a due job fails at once
 * with a message that says why, instead of waiting in "scheduled" forever.
 */
export const NoDeviceDriver = Layer.succeed(DeviceGateway, DeviceGateway.of({
  run: () => Effect.succeed({ _tag: "Failed", message: NO_DEVICE_DRIVER, warnings: [] })
}))
