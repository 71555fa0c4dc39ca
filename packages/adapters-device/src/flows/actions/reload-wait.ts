import { Effect } from "effect"
import { nodesUp } from "../check-parsers.ts"
import { showPlatform } from "../checks.ts"
import { info, send } from "../commands.ts"
import type { FlowContext } from "../flow-context.ts"
import { osOf, StepFailed } from "../flow-context.ts"
import { noRequest, pollCommand } from "../operation-text.ts"
import { operationVerdict } from "../watch.ts"

/**
 * Reload Wait (DEVICE.md §6.6): let the device reboot, reconnect with fresh discovery, wait for
 * every node, then read the operation's verdict, which may only be in the log after boot.
 */
export const reloadWait = (context: FlowContext, operationId: number) =>
  Effect.gen(function*() {
    const { timing } = context
    const classic = osOf(context) === "XR"
    const startedAt = context.now()
    // Closing a classic session within ~6 s can abort the reload (CSCvb67386).
    if (classic) yield* Effect.sleep(timing.sleepMs("reloadGrace"))
    yield* context.disconnect
    yield* context.status("Waiting for device boot to reconnect")
    yield* Effect.sleep(timing.sleepMs(classic ? "reloadInitialWaitClassic" : "reloadInitialWaitExr"))
    context.memory.lastTarget = undefined
    yield* context.reconnect("reloadReconnectBudget").pipe(
      Effect.mapError(() =>
        new StepFailed({ message: `Unable to reconnect within ${seconds(timing.sleepMs("reloadReconnectBudget"))} s after reload` })
      )
    )

    yield* context.status("Waiting for all nodes to come up")
    yield* Effect.sleep(timing.sleepMs("reloadSettle"))
    const limitMs = timing.sleepMs(classic ? "nodeWaitLimitClassic" : "nodeWaitLimitExr")
    const pollingSince = context.now()
    while (!nodesUp(yield* showPlatform(context), osOf(context))) {
      if (context.now() - pollingSince > limitMs) {
        return yield* Effect.fail(new StepFailed({ message: `Not all nodes came up within ${seconds(limitMs)} s` }))
      }
      yield* Effect.sleep(timing.sleepMs("nodePollInterval"))
    }

    while (!noRequest(yield* send(context, pollCommand(osOf(context)), "poll"), osOf(context))) {
      yield* Effect.sleep(timing.sleepMs("nodePollInterval"))
    }
    yield* operationVerdict(context, operationId)
    const outage = Math.round((context.now() - startedAt) / 1000)
    info(context, `Overall outage time: ${Math.floor(outage / 60)} minute(s) ${outage % 60} second(s)`)
  })

const seconds = (ms: number): number => Math.round(ms / 1000)
