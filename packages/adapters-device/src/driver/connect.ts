import { Effect, Exit, Redacted, Scope } from "effect"
import { ConnectionFailed } from "../session/device-errors.ts"
import { makeCliSession } from "./cli-session.ts"
import type { ConnectedDevice, ConnectOptions, LoginTarget } from "./connect-request.ts"
import type { TargetFailed } from "./connection-failure.ts"
import { targetFailed } from "./connection-failure.ts"
import { makeDeviceReader } from "./device-reader.ts"
import { discover, setUpTerminal } from "./discovery.ts"
import { openLink } from "./open-link.ts"
import { detectPrompt } from "./prompt-detection.ts"
import type { Target } from "./targets.ts"
import { targetKey, targetList, targetUrl } from "./targets.ts"

/**
 * Connect to a device (DEVICE.md §2): try its targets in order, log in, find the prompt, set the
 * terminal up and discover the device. The first target that works wins; the last error is the
 * job's. The connection lives as long as the caller's Scope (or until `session.close`).
 *
 * `connectBudget` is one pass over every target (each bounded by its own timeouts); the reconnect
 * budgets repeat passes, `min(reconnectPass, remaining)` apart, until the budget is spent.
 */

/** One target, in a Scope of its own that is closed when the attempt fails. */
const attempt = (login: LoginTarget, options: ConnectOptions, target: Target): Effect.Effect<ConnectedDevice, TargetFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const scope = yield* Scope.fork(yield* Effect.scope)
    const { timing, recorder } = options
    const opening = Effect.gen(function* () {
      const reader = makeDeviceReader(recorder)
      const link = yield* openLink({ login, timing, recorder, reader }, target)
      const firstPrompt = timing.timeoutMs(login.connection_type === "ssh" ? "firstPromptSsh" : "firstPromptTelnet")
      const prompt = yield* detectPrompt(link, timing, target, firstPrompt)
      const session = makeCliSession({
        link,
        url: targetUrl(login.connection_type, login.username, target),
        prompt,
        timing,
        recorder,
        username: login.username,
        password: login.password === undefined ? undefined : Redacted.value(login.password),
        close: Scope.close(scope, Exit.void)
      })
      const device = yield* setUpTerminal(session, timing).pipe(
        Effect.andThen(discover(session, timing, recorder)),
        Effect.mapError((error) => targetFailed(target, error.message))
      )
      return { session, device, target: targetKey(target) }
    })
    const result = yield* Effect.exit(Scope.provide(scope)(opening))
    if (Exit.isFailure(result)) yield* Scope.close(scope, result)
    return yield* result
  })

export const connect = (login: LoginTarget, options: ConnectOptions): Effect.Effect<ConnectedDevice, ConnectionFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const { timing, recorder, status } = options
    const targets = targetList(login, options.preferred)
    if (targets.length === 0) return yield* new ConnectionFailed({ message: "Connection error: the host has no address to connect to" })
    const deadline = Date.now() + timing.sleepMs(options.budget)
    const onePass = options.budget === "connectBudget"
    let last: TargetFailed | undefined
    for (;;) {
      for (const [index, target] of targets.entries()) {
        if (index > 0) yield* Effect.sleep(timing.sleepMs("betweenTargets"))
        const progress = `Connecting to ${targetUrl(login.connection_type, login.username, target)} (target ${index + 1}/${targets.length})`
        recorder.step("INFO", "Connection", progress)
        yield* status(progress)
        const outcome = yield* attempt(login, options, target).pipe(
          Effect.map((connected) => ({ connected, failed: undefined })),
          Effect.catch((failed: TargetFailed) => Effect.succeed({ connected: undefined, failed }))
        )
        if (outcome.failed === undefined) {
          recorder.step("INFO", "Connection", `Connected to ${outcome.connected.session.url}: ${outcome.connected.device.os_type} ${outcome.connected.device.software_version}`)
          return outcome.connected
        }
        last = outcome.failed
        recorder.step("WARNING", "Connection", last.message)
        yield* status(last.message)
        if (last.fatal) return yield* new ConnectionFailed({ message: last.message })
        if (!onePass && Date.now() >= deadline) break
      }
      const remaining = deadline - Date.now()
      if (onePass || remaining <= 0) break
      yield* Effect.sleep(Math.min(timing.sleepMs("reconnectPass"), remaining))
    }
    return yield* new ConnectionFailed({ message: last?.message ?? "Connection error: no target could be tried" })
  })
