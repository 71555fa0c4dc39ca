import { Result } from "effect"
import { reject } from "./rejected.ts"
import type { Rejected } from "./rejected.ts"

/**
 * What a validator needs to know of another aggregate's names, supplied by the application from
 * a read model: the stored spelling of a name (names match case-insensitively), if it exists.
 */
export interface NameLookup {
  readonly canonical: (name: string) => string | undefined
}

/** The stored spelling of `name`, or the refusal `<Label> "<name>" does not exist.` */
export const existing = (names: NameLookup, label: string, name: string): Result.Result<string, Rejected> => {
  const stored = names.canonical(name)
  return stored === undefined ? reject(`${label} "${name}" does not exist.`) : Result.succeed(stored)
}
