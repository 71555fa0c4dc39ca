import { Effect, Layer } from "effect"
import { DeviceGateway, SecretBox } from "@csm/core"
import { connect } from "../driver/connect.ts"
import type { UnifiedDiff } from "../flows/flow-context.ts"
import { unifiedDiff } from "../flows/unified-diff.ts"
import type { TimingOptions } from "../timing/timing-profile.ts"
import { makeTiming } from "../timing/timing-profile.ts"
import { makeHostMemories } from "./host-memory.ts"
import type { Connect } from "./run-job.ts"
import { runJob } from "./run-job.ts"

export interface NetworkDeviceGatewayOptions {
  readonly timing?: TimingOptions
  /** Builds the Post-Upgrade `.diff` files; jsdiff unless a test stands in for it. */
  readonly diff?: UnifiedDiff
  /** How to reach a device; the SSH/telnet driver unless a test stands in for it. */
  readonly connect?: Connect
}

/**
 * The core's `DeviceGateway` over SSH and telnet (DEVICE.md): it opens the job's secrets with the
 * core's `SecretBox`, drives the router, and remembers per host, in memory for now, what later
 * jobs need (last working target, Add op ids, the last completed Pre-Upgrade captures).
 */
export const NetworkDeviceGateway = {
  layer: (options: NetworkDeviceGatewayOptions = {}): Layer.Layer<DeviceGateway, never, SecretBox> =>
    Layer.effect(DeviceGateway, Effect.gen(function*() {
      const secrets = yield* SecretBox
      return {
        run: runJob({
          secrets,
          connect: options.connect ?? connect,
          timing: makeTiming(options.timing),
          diff: options.diff ?? unifiedDiff,
          memories: makeHostMemories(),
          now: () => Date.now()
        })
      }
    }))
}
