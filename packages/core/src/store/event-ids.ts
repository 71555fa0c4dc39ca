import { Clock, Effect, Random } from "effect"

/**
 * Event ids: UUID v7 (RFC 9562), 48 bits of Unix milliseconds, a 12-bit counter, 62 random bits.
 * Time and randomness come from the `Clock` and `Random` services, so tests control both. The
 * counter (RFC 9562 §6.2, method 1) keeps ids generated within one millisecond, or while the
 * clock stands still or steps back, in creation order; it lives in the module because that order
 * holds per process.
 */

let lastMillis = -1
let counter = 0

export const uuidV7: Effect.Effect<string> = Effect.gen(function*() {
  const now = (yield* Clock.Clock).currentTimeMillisUnsafe()
  const random = yield* Random.Random
  const bits = (count: number) => Math.floor(random.nextDoubleUnsafe() * 2 ** count)
  if (now > lastMillis) {
    lastMillis = now
    counter = bits(11) // below 2^11, so at least 2,048 more ids fit in this millisecond
  } else if (++counter > 0xfff) {
    lastMillis++ // borrow the next millisecond rather than wrap
    counter = 0
  }
  const time = hex(lastMillis, 12)
  const variantAndRandom = hex(0x80000000 + bits(30), 8) + hex(bits(32), 8)
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${variantAndRandom.slice(0, 4)}-${variantAndRandom.slice(4)}`
})

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, "0")
