import { Effect, Schema } from "effect"
import type { SessionRecorder } from "../logs/session-recorder.ts"
import { makeExpectBuffer } from "./expect-buffer.ts"
import type { ExpectMatch } from "./expect-buffer.ts"

/**
 * The expect loop over one text stream from a device or jump host: the transport pushes what it
 * reads (also written to the transcript), and the driver waits, bounded, for the first of some
 * patterns, or for the line to go quiet. One wait at a time: a session is sequential.
 */

export class ReadTimeout extends Schema.TaggedError<ReadTimeout>()("ReadTimeout", {
  message: Schema.String
}) {}

export class ReadEnded extends Schema.TaggedError<ReadEnded>()("ReadEnded", {
  message: Schema.String
}) {}

export interface DeviceReader {
  /** Text read from the transport. */
  readonly push: (text: string) => void
  /** The transport closed (EOF): waits fail once the unconsumed text no longer matches. */
  readonly end: () => void
  /** Waits up to `timeoutMs` for the first of `patterns` in the unconsumed text, and consumes through it. */
  readonly expect: (patterns: ReadonlyArray<RegExp>, timeoutMs: number) => Effect.Effect<ExpectMatch, ReadTimeout | ReadEnded>
  /**
   * Waits up to `firstByteMs` for text, then until nothing arrives for `quietMs` (at most `limitMs` in
   * all, for a device that never stops talking); returns (and consumes) all unconsumed text, possibly empty.
   */
  readonly readUntilQuiet: (firstByteMs: number, quietMs: number, limitMs: number) => Effect.Effect<string, ReadEnded>
}

/** The pending wait's check, run after every push and at the end. */
type Waiter = () => void

export const makeDeviceReader = (recorder: SessionRecorder): DeviceReader => {
  const buffer = makeExpectBuffer()
  let ended = false
  let waiter: Waiter | undefined

  const wait = <A, E>(
    setup: (finish: (result: Effect.Effect<A, E>) => void, restartTimer: (ms: number, onExpire: () => void) => void) => Waiter
  ) =>
    Effect.callback<A, E>((resume) => {
      let timer: NodeJS.Timeout | undefined
      let open = true
      const finish = (result: Effect.Effect<A, E>) => {
        if (!open) return
        open = false
        clearTimeout(timer)
        waiter = undefined
        resume(result)
      }
      const restartTimer = (ms: number, onExpire: () => void) => {
        clearTimeout(timer)
        timer = setTimeout(onExpire, ms)
      }
      const onEvent = setup(finish, restartTimer)
      onEvent()
      if (open) waiter = onEvent
      return Effect.sync(() => {
        open = false
        clearTimeout(timer)
        waiter = undefined
      })
    })

  const endedError = () => new ReadEnded({ message: "Unexpected device disconnect" })

  return {
    push: (text) => {
      if (text === "") return
      recorder.transcript(text)
      buffer.append(text)
      waiter?.()
    },
    end: () => {
      ended = true
      waiter?.()
    },
    expect: (patterns, timeoutMs) =>
      wait<ExpectMatch, ReadTimeout | ReadEnded>((finish, restartTimer) => {
        restartTimer(timeoutMs, () => finish(Effect.fail(new ReadTimeout({ message: `Nothing expected arrived within ${timeoutMs} ms` }))))
        return () => {
          const match = buffer.consumeFirst(patterns)
          if (match !== undefined) finish(Effect.succeed(match))
          else if (ended) finish(Effect.fail(endedError()))
        }
      }),
    readUntilQuiet: (firstByteMs, quietMs, limitMs) =>
      wait<string, ReadEnded>((finish, restartTimer) => {
        const settle = () => finish(Effect.succeed(buffer.takeAll()))
        restartTimer(firstByteMs, settle)
        const deadline = Date.now() + limitMs
        let started = false
        return () => {
          if (ended) return finish(buffer.peek() === "" ? Effect.fail(endedError()) : Effect.succeed(buffer.takeAll()))
          if (buffer.peek() === "" && !started) return
          started = true
          restartTimer(Math.min(quietMs, Math.max(0, deadline - Date.now())), settle)
        }
      })
  }
}
