import { Console, Deferred, Effect, Fiber, Redacted } from "effect"
import type { ServerConfig } from "../config.ts"
import { runServer } from "../server.ts"
import { demoInstructions } from "./demo-instructions.ts"
import { startDemoLab } from "./demo-lab.ts"
import { demoAdminPassword } from "./demo-password.ts"
import { demoRegistration } from "./demo-registration.ts"
import { registerDemo } from "./register-demo.ts"
import { watchListeningAddress } from "./listening-address.ts"

/**
 * `npm run demo`: the lab, then the server at the lab's time scale; once the server listens, the lab
 * is registered through the API and the instructions are printed. Runs until interrupted; then the
 * server stops first (its jobs end), then the jump host and the routers.
 */
export const runDemo = (config: ServerConfig) =>
  Effect.gen(function*() {
    const login = { username: config.adminUser, password: yield* demoAdminPassword(config) }
    const lab = yield* startDemoLab(config.deviceTimeScale)
    const listening = yield* Deferred.make<string>()
    const server = yield* runServer({ ...config, adminPassword: Redacted.make(login.password) }).pipe(
      Effect.provide(watchListeningAddress(listening)),
      Effect.forkScoped
    )
    // A server that cannot start ends the demo with its own reason.
    const base = yield* Effect.raceFirst(Deferred.await(listening), Effect.andThen(Fiber.join(server), Effect.never))
    yield* registerDemo(base, login, demoRegistration(lab))
    yield* Console.log(demoInstructions(base, login, lab).join("\n"))
    return yield* Fiber.join(server)
  }).pipe(Effect.scoped)
