import { Effect, Option, Predicate } from "effect"

/**
 * Assertions for tests written as effects, so that any runner can run them: each fails with an
 * Error that says what was expected and what came.
 */

export const check = (condition: boolean, message: string): Effect.Effect<void, Error> =>
  condition ? Effect.void : Effect.fail(new Error(message))

/** Compares JSON renderings with sorted keys, which also gives a readable message. */
export const checkEqual = (actual: unknown, expected: unknown, what: string): Effect.Effect<void, Error> => {
  const [shown, wanted] = [canonical(actual), canonical(expected)]
  return check(shown === wanted, `${what}: expected ${wanted}, got ${shown}`)
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, part: unknown) =>
    Predicate.isObject(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
      : part)

/** The value of an option that must be present. */
export const present = <A>(option: Option.Option<A>, what: string): Effect.Effect<A, Error> =>
  Option.isSome(option) ? Effect.succeed(option.value) : Effect.fail(new Error(`${what}: expected a value, got none`))

/** The error `effect` fails with, which must be tagged `tag`. */
export const failsWith = <A, E, R, const T extends string>(
  effect: Effect.Effect<A, E, R>,
  tag: T
): Effect.Effect<E & { readonly _tag: T }, Error, R> =>
  Effect.matchEffect(effect, {
    onSuccess: (value) => Effect.fail(new Error(`Expected ${tag}, but it succeeded with ${JSON.stringify(value)}`)),
    onFailure: (error) =>
      Predicate.isTagged(error, tag)
        ? Effect.succeed(error)
        : Effect.fail(new Error(`Expected ${tag}, got ${Predicate.isError(error) ? error.message : JSON.stringify(error)}`))
  })
