import { Effect, Layer, Redacted } from "effect"
import { DeviceGateway, SecretBox } from "@csm/core"
import type { DeviceUpdate } from "@csm/core"
import { afterEach, describe, expect, it } from "vitest"
import { NetworkDeviceGateway } from "./device-gateway-layer.ts"
import { PASSWORD, startRouter, stopRouters } from "./testing/simulated-job.ts"

afterEach(stopRouters)

/** Seals by prefixing, so that the test sees the gateway open what the core holds. */
const TestSecretBox = Layer.succeed(SecretBox, {
  seal: (plain) => Effect.succeed(`sealed:${Redacted.value(plain)}`),
  open: (sealed) => Effect.succeed(Redacted.make(sealed.replace(/^sealed:/, "")))
})

describe("NetworkDeviceGateway.layer", () => {
  it("provides the core's DeviceGateway, opening sealed secrets and using the real driver", async () => {
    const router = await startRouter({ flavour: "xr" })
    const layer = NetworkDeviceGateway.layer({
      timing: { timeScale: 0.001, minTimeoutMs: 200 },
      diff: () => ""
    }).pipe(Layer.provide(TestSecretBox))
    const updates: Array<DeviceUpdate> = []
    const outcome = await Effect.runPromise(Effect.gen(function*() {
      const gateway = yield* DeviceGateway
      return yield* gateway.run({
        id: 7,
        action: "Commit",
        target: {
          hostname: "PE1",
          connection_type: "telnet",
          ts_or_ip: ["127.0.0.1"],
          port_number: [router.telnetPort],
          username: "cisco",
          password: `sealed:${PASSWORD}`
        },
        packages: [],
        server_directory: "",
        commands: [],
        startedAt: "2017-03-07T10:40:00.000Z"
      }, (update) => Effect.sync(() => updates.push(update)))
    }).pipe(Effect.provide(layer)))
    expect(outcome).toMatchObject({ _tag: "Completed", facts: { os_type: "XR", software_version: "5.3.3" } })
    expect(updates.some((update) => update._tag === "Log" && update.file === "PE1-2017_03_07_10_40_00-7/session.log")).toBe(true)
  })
})
