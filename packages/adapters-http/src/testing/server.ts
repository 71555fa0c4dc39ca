import { EventStore, MemoryEventStore, ReadModels, saveUsers, SecretBox, Start } from "@csm/core"
import type { PasswordHasher } from "@csm/core"
import { NodeHttpServer } from "@effect/platform-node"
import { Cause, Clock, Effect, identity, Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { randomBytes } from "node:crypto"
import { createServer } from "node:http"
import { HttpAuthConfig, MaxBodyBytes } from "../config.ts"
import { makeAesGcmSecretBox } from "../crypto/aes-gcm-secret-box.ts"
import { ScryptPasswordHasher } from "../crypto/scrypt-password-hasher.ts"
import { CsmHttpRoutes } from "../routes.ts"
import { client } from "./client.ts"

export type CoreServices = ReadModels | EventStore | SecretBox | PasswordHasher

/** The users every test server starts with, one per privilege; each one's password is `<name>-pw`. */
export const USERS = {
  admin: "Admin",
  netadmin: "Network Admin",
  operator: "Operator",
  viewer: "Viewer"
} as const
export type TestUser = keyof typeof USERS

/** The live clock, moved forward by `offset`: token expiry is tested without waiting an hour. */
const shiftedClock = (offset: { millis: number }): Clock.Clock => {
  const live = Clock.Clock.defaultValue()
  const now = () => live.currentTimeMillisUnsafe() + offset.millis
  return {
    currentTimeMillisUnsafe: now,
    currentTimeMillis: Effect.sync(now),
    currentTimeNanosUnsafe: () => BigInt(now()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now()) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: live.monotonicTimeNanos,
    sleep: (duration) => live.sleep(duration)
  }
}

/** The core's read models over the in-memory store, as `wrap` changes it (`EmbeddedDomain` with a hook). */
const domainOver = (wrap: (real: EventStore["Service"]) => EventStore["Service"]) =>
  ReadModels.layer.pipe(Layer.provideMerge(Layer.effect(EventStore, Effect.map(Effect.service(EventStore), wrap)).pipe(Layer.provide(MemoryEventStore.layer))))

const countEvents = Effect.gen(function*() {
  const store = yield* EventStore
  let count = 0
  for (let page = yield* store.readAll(Start, 10_000);; page = yield* store.readAll(page.next, 10_000)) {
    count += page.events.length
    if (page.atEnd) return count
  }
})

const logLine = (message: unknown, cause: Cause.Cause<unknown>): string =>
  [...(Array.isArray(message) ? message : [message]).map(String), ...(cause.reasons.length > 0 ? [Cause.pretty(cause)] : [])].join(" ")

/**
 * A real HTTP server on a random port, serving `CsmHttpRoutes` over the core's in-memory store,
 * with real crypto (cheap scrypt), a clock the test can move, and the log lines kept for checks.
 */
export const startServer = async (options: {
  readonly maxBodyBytes?: number
  /** Wrap the AES-GCM box or the store, to make the server fail on purpose. */
  readonly secretBox?: (real: SecretBox["Service"]) => SecretBox["Service"]
  readonly store?: (real: EventStore["Service"]) => EventStore["Service"]
} = {}) => {
  const offset = { millis: 0 }
  const logs: Array<string> = []
  const Core = Layer.mergeAll(
    domainOver(options.store ?? identity),
    Layer.succeed(SecretBox, (options.secretBox ?? identity)(makeAesGcmSecretBox(Redacted.make(randomBytes(32))))),
    ScryptPasswordHasher.layer({ N: 2 ** 10, r: 8, p: 1 }),
    HttpAuthConfig.layer({ tokenSecret: Redacted.make(randomBytes(32)) })
  )
  const Server = HttpRouter.serve(CsmHttpRoutes, { disableListenLog: true }).pipe(
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
    Layer.provideMerge(Core),
    Layer.provide(Layer.mergeAll(
      Layer.succeed(Clock.Clock, shiftedClock(offset)),
      Logger.layer([Logger.make(({ message, cause }) => logs.push(logLine(message, cause)))]),
      options.maxBodyBytes === undefined ? Layer.empty : Layer.succeed(MaxBodyBytes, options.maxBodyBytes)
    ))
  )
  const runtime = ManagedRuntime.make(Server)
  const run = <A, E>(effect: Effect.Effect<A, E, CoreServices | HttpServer.HttpServer>) => runtime.runPromise(effect)
  const address = await run(Effect.map(Effect.service(HttpServer.HttpServer), (server) => server.address))
  if (address._tag === "UnixPathAddress") throw new Error("expected a TCP address")
  await run(saveUsers(Object.entries(USERS).map(([username, privilege]) => ({ username, password: `${username}-pw`, privilege })), "bootstrap"))
  return {
    ...client(`http://127.0.0.1:${address.port}`),
    logs,
    run,
    /** Moves the server's clock forward. */
    advance: (millis: number) => {
      offset.millis += millis
    },
    /** How many events the store holds: a refused request must not change it. */
    logLength: () => run(countEvents),
    close: () => runtime.dispose()
  }
}

export type TestServer = Awaited<ReturnType<typeof startServer>>
