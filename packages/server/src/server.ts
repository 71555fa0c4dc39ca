import { NetworkDeviceGateway } from "@csm/adapters-device"
import { AesGcmSecretBox, CsmHttpRoutes, HttpAuthConfig, MaxBodyBytes, ScryptPasswordHasher } from "@csm/adapters-http"
import { CatalogRefresher, EventStore, MemoryEventStore, ReadModels, runCatalogRefresh, runScheduler } from "@csm/core"
import { NodeHttpServer } from "@effect/platform-node"
import { Cause, Effect, Layer, Redacted } from "effect"
import { HttpRouter } from "effect/http"
import { randomUUID } from "node:crypto"
import { createServer } from "node:http"
import { resolve } from "node:path"
import { bootstrapAdmin } from "./admin.ts"
import { catalogSource } from "./catalog-source.ts"
import type { ServerConfig } from "./config.ts"
import { installationKeys } from "./data-dir.ts"
import { checkSecretKey } from "./secret-key-check.ts"
import { StartupError } from "./startup-error.ts"

/** A store that cannot open (not a database, no permission, no server) stops the start with one sentence. */
const opened = (name: string) => <E, R>(layer: Layer.Layer<EventStore, E, R>) =>
  layer.pipe(
    Layer.catchCause((cause) => {
      const error = Cause.squash(cause)
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error
      const message = `The store ${name} cannot be opened: ${reason instanceof Error ? reason.message : String(reason)}.`
      return Layer.effect(EventStore, new StartupError({ message }))
    })
  )

/** `host:port/database` of a PostgreSQL URL: what the log and messages may show (never the password). */
const postgresName = (url: Redacted.Redacted<string>): string => {
  const parsed = new URL(Redacted.value(url))
  return `${parsed.host}${parsed.pathname}`
}

/**
 * The configured store, and how the start-up log names it. Only the chosen adapter is loaded: the
 * PostgreSQL and KurrentDB clients would add a third of a second and 30 MB to every start.
 */
const storeOf = (config: ServerConfig, file: string) =>
  Effect.gen(function*() {
    const { store } = config
    if (store === "memory") return { layer: MemoryEventStore.layer, label: "Store: memory; nothing outlives this process" }
    if (store === "sqlite") {
      const { SqliteEventStore } = yield* Effect.promise(() => import("@csm/adapters-store/sqlite"))
      return { layer: opened(file)(SqliteEventStore.layer({ filename: file, exclusive: true })), label: `Store: SQLite, ${file}` }
    }
    if (store._tag === "kurrentdb") {
      const { KurrentEventStore, kurrentHosts } = yield* Effect.promise(() => import("@csm/adapters-store/kurrentdb"))
      const hosts = kurrentHosts(Redacted.value(store.connectionString))
      return {
        // The server's commands append several streams at once (POST /install): KurrentDB 25.1+.
        layer: opened(hosts)(KurrentEventStore.layer({ connectionString: store.connectionString, multiStreamAppend: true })),
        label: `Store: KurrentDB, ${hosts}`
      }
    }
    const { PostgresEventStore } = yield* Effect.promise(() => import("@csm/adapters-store/postgres"))
    return {
      layer: opened(postgresName(store.url))(PostgresEventStore.layer({ url: Redacted.value(store.url) })),
      label: `Store: PostgreSQL, ${postgresName(store.url)}`
    }
  })

/**
 * The composition root: the chosen store, the read models folded from it, the adapters' crypto,
 * the /api/v1 routes on a Node HTTP server, and the scheduler. Runs until interrupted; then the
 * scheduler stops, the HTTP server closes (letting requests in flight finish), and the store closes.
 */
export const runServer = (config: ServerConfig) =>
  Effect.gen(function*() {
    const keys = yield* installationKeys(config)
    const file = resolve(config.dataDir, "csm.sqlite")
    const store = yield* storeOf(config, file)
    const Core = ReadModels.layer.pipe(Layer.provideMerge(store.layer))
    const Catalog = CatalogRefresher.layer({ settleWithinSeconds: config.ccoTimeoutSeconds }).pipe(
      Layer.provide(catalogSource(config)),
      Layer.provide(Core)
    )
    const Secrets = AesGcmSecretBox.layer(keys.secretKey)
    // Timeouts never drop under a second, so a loaded machine still completes simulated routers'
    // handshakes and echoes at small time scales; real routers' timeouts are far longer anyway.
    const Devices = NetworkDeviceGateway.layer({ timing: { timeScale: config.deviceTimeScale, minTimeoutMs: 1_000 } }).pipe(
      Layer.provide(Secrets)
    )
    const Domain = Layer.mergeAll(
      Core,
      Catalog,
      Secrets,
      Devices,
      ScryptPasswordHasher.layer(),
      HttpAuthConfig.layer({ tokenSecret: keys.tokenKey })
    )
    const Http = HttpRouter.serve(CsmHttpRoutes).pipe(
      Layer.provide(NodeHttpServer.layer(createServer, { port: config.port, host: config.host })),
      Layer.provide(Layer.succeed(MaxBodyBytes, config.maxBodyBytes))
    )

    yield* Effect.logInfo(store.label)
    // Each start is a new instance: a restarted server never mistakes its previous run's jobs for its own.
    const instance = randomUUID()
    yield* Effect.logInfo(`Instance ${instance}`)
    return yield* Effect.gen(function*() {
      yield* bootstrapAdmin(config.adminUser, config.adminPassword)
      // After the bootstrap: another server on the store may have just created the first user.
      yield* checkSecretKey(keys.secretKeySource)
      const { status } = yield* CatalogRefresher
      yield* Effect.logInfo(`CCO catalog: ${(yield* status).source}, refreshed ${
        config.ccoRefreshSeconds === 0 ? "at start-up only" : `every ${config.ccoRefreshSeconds} s`
      }`)
      yield* Effect.forkChild(runCatalogRefresh(config.ccoRefreshSeconds))
      return yield* runScheduler({
        concurrency: config.maxConcurrentJobs,
        instance,
        leaseMs: config.leaseSeconds * 1000,
        // Only a PostgreSQL (or KurrentDB) store can be shared by several servers.
        soleInstance: config.store === "sqlite" || config.store === "memory"
      }).pipe(
        Effect.provide(Http),
        Effect.catchTag("ServeError", ({ cause }) =>
          new StartupError({ message: `Cannot listen on ${config.host} port ${config.port}: ${(cause as Error).message}.` }))
      )
    }).pipe(Effect.provide(Domain))
  })
