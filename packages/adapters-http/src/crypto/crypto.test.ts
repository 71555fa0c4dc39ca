import { Effect, Exit, Redacted } from "effect"
import { randomBytes } from "node:crypto"
import { describe, expect, it } from "vitest"
import { makeAesGcmSecretBox } from "./aes-gcm-secret-box.ts"
import { makeScryptPasswordHasher } from "./scrypt-password-hasher.ts"

describe("AES-256-GCM secret box", () => {
  const box = makeAesGcmSecretBox(Redacted.make(randomBytes(32)))

  it("seals to a fresh opaque value each time, and opens it", async () => {
    const [a, b] = await Effect.runPromise(Effect.all([box.seal(Redacted.make("cisco")), box.seal(Redacted.make("cisco"))]))
    expect(a).not.toBe(b)
    expect(a).not.toContain("cisco")
    expect(Redacted.value(await Effect.runPromise(box.open(a!)))).toBe("cisco")
  })

  it("a value sealed under another key, or tampered with, does not open", async () => {
    const other = makeAesGcmSecretBox(Redacted.make(randomBytes(32)))
    const sealed = await Effect.runPromise(other.seal(Redacted.make("cisco")))
    expect(Exit.isFailure(await Effect.runPromiseExit(box.open(sealed)))).toBe(true)
    const mine = await Effect.runPromise(box.seal(Redacted.make("cisco")))
    expect(Exit.isFailure(await Effect.runPromiseExit(box.open(`${mine}A`)))).toBe(true)
    expect(Exit.isFailure(await Effect.runPromiseExit(box.open("not sealed")))).toBe(true)
  })

  it("needs a 32-byte key", () => {
    expect(() => makeAesGcmSecretBox(Redacted.make(randomBytes(16)))).toThrow(RangeError)
  })
})

describe("scrypt password hasher", () => {
  const hasher = makeScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 })

  it("hashes with a salt and verifies only the same password", async () => {
    const hash = await Effect.runPromise(hasher.hash(Redacted.make("pw")))
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await Effect.runPromise(hasher.hash(Redacted.make("pw")))).not.toBe(hash)
    expect(await Effect.runPromise(hasher.verify(Redacted.make("pw"), hash))).toBe(true)
    expect(await Effect.runPromise(hasher.verify(Redacted.make("pW"), hash))).toBe(false)
  })

  it("a hash keeps its own cost, and a malformed one verifies nothing", async () => {
    const hash = await Effect.runPromise(makeScryptPasswordHasher({ N: 2 ** 11, r: 8, p: 1 }).hash(Redacted.make("pw")))
    expect(await Effect.runPromise(hasher.verify(Redacted.make("pw"), hash))).toBe(true)
    for (const malformed of ["", "bcrypt$x", "scrypt$3$8$1$c2FsdA$aGFzaA", "scrypt$x$y$z$a$b"]) {
      expect(await Effect.runPromise(hasher.verify(Redacted.make("pw"), malformed))).toBe(false)
    }
  })
})
