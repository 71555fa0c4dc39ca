import { SecretBox } from "@csm/core"
import { Effect, Layer, Redacted } from "effect"
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * The core's SecretBox on AES-256-GCM: `<iv>.<tag>.<ciphertext>`, base64url, a fresh IV per seal.
 * A value that does not open (another key, or tampered) is a defect: the store and the key no
 * longer belong together, which no request can mend.
 */
export const makeAesGcmSecretBox = (key: Redacted.Redacted<Uint8Array>) => {
  if (Redacted.value(key).length !== 32) throw new RangeError("An AES-256-GCM key is 32 bytes long.")
  return SecretBox.of({
    seal: (plain) =>
      Effect.sync(() => {
        const iv = randomBytes(IV_BYTES)
        const cipher = createCipheriv("aes-256-gcm", Redacted.value(key), iv)
        const sealed = Buffer.concat([cipher.update(Redacted.value(plain), "utf8"), cipher.final()])
        return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".")
      }),
    open: (sealed) =>
      Effect.try({
        try: () => {
          const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"))
          if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || data === undefined) throw new Error("malformed")
          const decipher = createDecipheriv("aes-256-gcm", Redacted.value(key), iv).setAuthTag(tag)
          return Redacted.make(Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8"))
        },
        catch: () => new Error("A sealed secret does not open with this installation's key.")
      }).pipe(Effect.orDie)
  })
}

export const AesGcmSecretBox = {
  layer: (key: Redacted.Redacted<Uint8Array>) => Layer.sync(SecretBox, () => makeAesGcmSecretBox(key))
}
