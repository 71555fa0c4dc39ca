import { Result } from "effect"
import type { Redacted, Schema } from "effect"
import { decodeField, Password } from "./names.ts"
import { reject } from "./rejected.ts"
import type { Rejected } from "./rejected.ts"

/**
 * Reading one row of a bulk POST body (a raw JSON value) into the changes it asks for. Shared
 * by every upsert route: users, hosts and the four directories.
 */

/** The decoder of each accepted key, for an entry of shape `F`. */
export type Inputs<F> = { readonly [K in keyof F]-?: Schema.Decoder<Exclude<F[K], undefined>> }

/** The keys a row sets; `undefined` clears an optional key that the row gave blank. */
export type Changes<F> = { readonly [K in keyof F]?: F[K] | undefined }

/** Secret values by key: plain (`Redacted`) as read, sealed strings in commands and events. */
export type Secrets<S extends string, V> = { readonly [K in S]?: V }

export interface RowSpec<F, S extends string> {
  readonly nameKey: string
  readonly name: Schema.Decoder<string>
  readonly inputs: Inputs<F>
  readonly secrets: ReadonlyArray<S>
  /** Keys a new entry needs; they can never be cleared. */
  readonly required: ReadonlyArray<string>
}

export interface DecodedRow<F, S extends string> {
  readonly name: string
  readonly changes: Changes<F>
  readonly secrets: Secrets<S, Redacted.Redacted<string> | undefined>
}

export const invalidJson = "Data in the HTTP Request is an invalid JSON."

/** `The following key, 'x', is invalid.`; `where` narrows it (" for server type TFTP"). */
export const invalidKeysMessage = (keys: ReadonlyArray<string>, where = ""): string =>
  keys.length === 1
    ? `The following key, '${keys[0]}', is invalid${where}.`
    : `The following keys, '${keys.join(",")}', are invalid${where}.`

export const missingKeysMessage = (keys: ReadonlyArray<string>): string =>
  keys.length === 1
    ? `The following required key, '${keys[0]}', is missing.`
    : `The following required keys, '${keys.join(",")}', are missing.`

/** Checks the keys, then decodes the name and every given key in the spec's order; the first fault wins. */
export const decodeRow = <F, S extends string>(
  spec: RowSpec<F, S>,
  row: unknown
): Result.Result<DecodedRow<F, S>, Rejected> =>
  Result.gen(function*() {
    if (typeof row !== "object" || row === null || Array.isArray(row)) return yield* reject(invalidJson)
    const given = row as Readonly<Record<string, unknown>>
    const decoders: Readonly<Record<string, Schema.Decoder<unknown>>> = spec.inputs
    const accepted = new Set<string>([spec.nameKey, ...Object.keys(decoders), ...spec.secrets])
    const unknown = Object.keys(given).filter((key) => !accepted.has(key))
    if (unknown.length > 0) return yield* reject(invalidKeysMessage(unknown))
    if (!Object.hasOwn(given, spec.nameKey)) return yield* reject(missingKeysMessage([spec.nameKey]))
    const name = yield* decodeField(spec.nameKey, spec.name, given[spec.nameKey])
    const changes = yield* decodeKeys(spec.required, given, Object.keys(decoders), (key) => decoders[key]!)
    const secrets = yield* decodeKeys(spec.required, given, spec.secrets, () => Password)
    // Both records were built key by key from `inputs` and `secrets`, whose decoders type them.
    return {
      name,
      changes: changes as Changes<F>,
      secrets: secrets as Secrets<S, Redacted.Redacted<string> | undefined>
    }
  })

const decodeKeys = (
  required: ReadonlyArray<string>,
  row: Readonly<Record<string, unknown>>,
  keys: ReadonlyArray<string>,
  decoder: (key: string) => Schema.Decoder<unknown>
): Result.Result<Record<string, unknown>, Rejected> =>
  Result.gen(function*() {
    const decoded: Record<string, unknown> = {}
    for (const key of keys) {
      if (!Object.hasOwn(row, key)) continue
      const value = row[key]
      decoded[key] = isBlank(value) && !required.includes(key) ? undefined : yield* decodeField(key, decoder(key), value)
    }
    return decoded
  })

// null, "", "  " and [] all mean "no value" to a user clearing a key.
const isBlank = (value: unknown): boolean =>
  value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0)
