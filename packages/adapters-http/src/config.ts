import { Context, Duration, Layer } from "effect"
import type { Redacted } from "effect"

/**
 * What the adapter needs to sign tokens: a per-installation secret that the server generates on
 * first start and keeps with the data (API.md §2), and how long a token lives (the guide: an hour).
 */
export class HttpAuthConfig extends Context.Service<HttpAuthConfig, {
  readonly tokenSecret: Redacted.Redacted<string | Uint8Array>
  readonly tokenLifetime: Duration.Duration
}>()("csm/adapters-http/HttpAuthConfig") {
  static readonly layer = (options: {
    readonly tokenSecret: Redacted.Redacted<string | Uint8Array>
    readonly tokenLifetime?: Duration.Input
  }) =>
    Layer.succeed(HttpAuthConfig, HttpAuthConfig.of({
      tokenSecret: options.tokenSecret,
      tokenLifetime: Duration.fromInputUnsafe(options.tokenLifetime ?? "1 hour")
    }))
}

/** The largest request body accepted, in bytes (API.md §1: 16 MiB unless configured). */
export const MaxBodyBytes = Context.Reference<number>("csm/adapters-http/MaxBodyBytes", {
  defaultValue: () => 16 * 1024 * 1024
})
