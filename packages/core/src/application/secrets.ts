import { Context } from "effect"
import type { Effect, Redacted } from "effect"
import type { SealedSecret } from "../execution/device-gateway.ts"

/**
 * Seals device, jump-host and repository passwords before they enter an event, and opens them
 * for the device adapter. The key lives outside the event log (STORE.md §6), so deleting it
 * makes every sealed value unreadable.
 */
export class SecretBox extends Context.Service<SecretBox, {
  readonly seal: (plain: Redacted.Redacted<string>) => Effect.Effect<SealedSecret>
  readonly open: (sealed: SealedSecret) => Effect.Effect<Redacted.Redacted<string>>
}>()("csm/core/application/SecretBox") {}

/** Turns a user's password into a slow salted hash, and checks a password against one. */
export class PasswordHasher extends Context.Service<PasswordHasher, {
  readonly hash: (password: Redacted.Redacted<string>) => Effect.Effect<string>
  readonly verify: (password: Redacted.Redacted<string>, hash: string) => Effect.Effect<boolean>
}>()("csm/core/application/PasswordHasher") {}
