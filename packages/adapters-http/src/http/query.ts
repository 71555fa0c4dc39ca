import { decodeField } from "@csm/core"
import { Effect, Result } from "effect"
import type { Schema } from "effect"
import { HttpFailure } from "./envelope.ts"

/** The parameters a route accepts, each with the decoder of its raw string. */
export type QuerySpec = Readonly<Record<string, Schema.Decoder<unknown>>>

/** The decoded parameters; a blank one counts as absent. */
export type QueryOf<S extends QuerySpec> = { readonly [K in keyof S]?: S[K]["Type"] }

const refuse = (message: string) => Effect.fail(new HttpFailure({ status: 400, message }))

/**
 * Reads the query string against `spec`: unknown or repeated parameters and bad values are refused
 * (400). Values reach their decoders as sent: names are tidied by the core, and a `utc_offset`
 * needs its leading "+", which a raw URL turns into a space.
 */
export const readQuery = <S extends QuerySpec>(spec: S, search: URLSearchParams): Effect.Effect<QueryOf<S>, HttpFailure> => {
  const names = [...new Set(search.keys())]
  const unknown = names.filter((name) => !Object.hasOwn(spec, name))
  if (unknown.length > 0) {
    return refuse(
      unknown.length === 1
        ? `Following parameter, '${unknown[0]}', is not allowed.`
        : `Following parameters, '${unknown.join(",")}', are not allowed.`
    )
  }
  const decoded: Record<string, unknown> = {}
  for (const name of names) {
    const values = search.getAll(name)
    if (values.length > 1) return refuse(`Parameter '${name}' is given more than once.`)
    const value = values[0]!
    if (value.trim() === "") continue
    const result = decodeField(name, spec[name]!, value)
    if (Result.isFailure(result)) return refuse(result.failure.message)
    decoded[name] = result.success
  }
  // Every key was decoded by the spec's own decoder for that key.
  return Effect.succeed(decoded as QueryOf<S>)
}
