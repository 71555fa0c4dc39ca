import { PasswordHasher } from "@csm/core"
import { Effect, Layer, Redacted } from "effect"
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto"

/** scrypt's cost: N (a power of two), r and p. */
export interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

/** About 50 ms and 32 MiB a hash on a small server. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }

const KEY_BYTES = 32

const derive = (password: string, salt: Buffer, cost: ScryptCost) =>
  Effect.callback<Buffer, unknown>((resume) => {
    try {
      scrypt(password, salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
        resume(error === null ? Effect.succeed(key) : Effect.fail(error)))
    } catch (invalidCost) {
      resume(Effect.fail(invalidCost))
    }
  })

/**
 * The core's PasswordHasher on scrypt: `scrypt$N$r$p$<salt>$<hash>`. A hash keeps its own cost, so
 * raising the cost later leaves existing passwords valid. Hashing runs on libuv's thread pool.
 */
export const makeScryptPasswordHasher = (cost: ScryptCost = defaultScryptCost) =>
  PasswordHasher.of({
    hash: (password) =>
      Effect.gen(function*() {
        const salt = randomBytes(16)
        const key = yield* derive(Redacted.value(password), salt, cost)
        return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$")
      }).pipe(Effect.orDie),
    verify: (password, stored) =>
      Effect.gen(function*() {
        const [scheme, N, r, p, salt, key] = stored.split("$")
        if (scheme !== "scrypt" || salt === undefined || key === undefined) return false
        const expected = Buffer.from(key, "base64url")
        const given = yield* derive(Redacted.value(password), Buffer.from(salt, "base64url"), { N: Number(N), r: Number(r), p: Number(p) })
        return given.length === expected.length && timingSafeEqual(given, expected)
      }).pipe(Effect.orElseSucceed(() => false))
  })

export const ScryptPasswordHasher = {
  layer: (cost?: ScryptCost) => Layer.succeed(PasswordHasher, makeScryptPasswordHasher(cost))
}
