import { Effect, Redacted } from "effect"
import { hkdfSync, randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { ServerConfig } from "./config.ts"
import { StartupError } from "./startup-error.ts"

/**
 * The installation's keys: AES-256-GCM for stored passwords (STORE.md §6), and HMAC for tokens
 * (API.md §2), derived from the first so that one key is all the servers sharing a store need to
 * share: each then opens the others' passwords and accepts the others' tokens.
 */
export interface InstallationKeys {
  readonly secretKey: Redacted.Redacted<Uint8Array>
  readonly tokenKey: Redacted.Redacted<Uint8Array>
  /** Where the secret key came from, for messages. */
  readonly secretKeySource: string
}

const KEY_BYTES = 32

/** HKDF-SHA256 of the secret key, for token signatures only. */
const tokenKeyOf = (secretKey: Redacted.Redacted<Uint8Array>): Redacted.Redacted<Uint8Array> =>
  Redacted.make(new Uint8Array(hkdfSync("sha256", Redacted.value(secretKey), new Uint8Array(0), "csm-server API tokens", KEY_BYTES)))

const keysFrom = (secretKey: Redacted.Redacted<Uint8Array>, secretKeySource: string): InstallationKeys => ({
  secretKey,
  tokenKey: tokenKeyOf(secretKey),
  secretKeySource
})

/** `<directory>/<name>`, created with 32 random bytes (mode 0600) on first start and read ever after. */
const keyFile = (directory: string, name: string): Redacted.Redacted<Uint8Array> => {
  const path = join(directory, name)
  try {
    // "wx": never overwrite a key, even one written by a server starting at the same moment.
    writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: "wx" })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
  }
  const key = readFileSync(path)
  if (key.length !== KEY_BYTES) {
    throw new StartupError({ message: `The key file ${path} holds ${key.length} bytes instead of ${KEY_BYTES}; restore it from a backup.` })
  }
  return Redacted.make(key)
}

/**
 * The data directory (mode 0700) with its key file, created on first start. The memory store
 * keeps nothing, so it touches no disk: its key lives as long as the process.
 */
export const installationKeys = (config: ServerConfig): Effect.Effect<InstallationKeys, StartupError> =>
  Effect.try({
    try: () => {
      if (config.store !== "memory") mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
      if (config.secretKey !== undefined) return keysFrom(config.secretKey, "CSM_SECRET_KEY")
      if (config.store === "memory") return keysFrom(Redacted.make(randomBytes(KEY_BYTES)), "CSM_SECRET_KEY")
      return keysFrom(keyFile(config.dataDir, "secret.key"), join(config.dataDir, "secret.key"))
    },
    catch: (error) =>
      error instanceof StartupError
        ? error
        : new StartupError({ message: `The data directory ${config.dataDir} cannot be used: ${(error as Error).message}.` })
  })
