import { AesGcmSecretBox, CsmHttpRoutes, HttpAuthConfig, MaxBodyBytes, ScryptPasswordHasher } from "@csm/adapters-http"
import { SqliteEventStore } from "@csm/adapters-store"
import { EventStore, MemoryEventStore, ReadModels, runScheduler } from "@csm/core"
import { NodeHttpServer } from "@effect/platform-node"
import { Cause, Effect, Layer } from "effect"
import { HttpRouter } from "effect/http"
import { createServer } from "node:http"
import { resolve } from "node:path"
import { bootstrapAdmin } from "./admin.ts"
import type { ServerConfig } from "./config.ts"
import { installationKeys } from "./data-dir.ts"
import { NoDeviceDriver } from "./no-device-driver.ts"
import { checkSecretKey } from "./secret-key-check.ts"
import { StartupError } from "./startup-error.ts"

/** The store file, opened; what stops it from opening (not a database, no permission) reads as one sentence. */
const sqliteStore = (file: string) =>
  SqliteEventStore.layer({ filename: file }).pipe(
    Layer.catchCause((cause) => {
      const error = Cause.squash(cause)
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error
      const message = `The store ${file} cannot be opened: ${reason instanceof Error ? reason.message : String(reason)}.`
      return Layer.effect(EventStore, new StartupError({ message }))
    })
  )

/**
 * The composition root: the chosen store, the read models folded from it, the adapters' crypto,
 * the /api/v1 routes on a Node HTTP server, and the scheduler. Runs until interrupted; then the
 * scheduler stops, the HTTP server closes (letting requests in flight finish), and the store closes.
 */
export const runServer = (config: ServerConfig) =>
  Effect.gen(function*() {
    const keys = yield* installationKeys(config)
    const file = resolve(config.dataDir, "csm.sqlite")
    const Store = config.store === "sqlite" ? sqliteStore(file) : MemoryEventStore.layer
    const Domain = Layer.mergeAll(
      ReadModels.layer.pipe(Layer.provideMerge(Store)),
      AesGcmSecretBox.layer(keys.secretKey),
      ScryptPasswordHasher.layer(),
      HttpAuthConfig.layer({ tokenSecret: keys.tokenKey }),
      NoDeviceDriver
    )
    const Http = HttpRouter.serve(CsmHttpRoutes).pipe(
      Layer.provide(NodeHttpServer.layer(createServer, { port: config.port, host: config.host })),
      Layer.provide(Layer.succeed(MaxBodyBytes, config.maxBodyBytes))
    )

    yield* Effect.logInfo(config.store === "sqlite" ? `Store: SQLite, ${file}` : "Store: memory; nothing outlives this process")
    if (config.ccoSource !== undefined) {
      yield* Effect.logInfo("CSM_CCO_SOURCE is set but not used yet: the CCO catalog arrives in a later version")
    }
    return yield* Effect.gen(function*() {
      yield* checkSecretKey(keys.secretKeySource)
      yield* bootstrapAdmin(config.adminUser, config.adminPassword)
      return yield* runScheduler({ concurrency: config.maxConcurrentJobs }).pipe(
        Effect.provide(Http),
        Effect.catchTag("ServeError", ({ cause }) =>
          new StartupError({ message: `Cannot listen on ${config.host} port ${config.port}: ${(cause as Error).message}.` }))
      )
    }).pipe(Effect.provide(Domain))
  })
