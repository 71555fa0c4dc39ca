import { Effect } from "effect"
import type { Timing } from "../timing/timing-profile.ts"
import type { TargetFailed } from "./connection-failure.ts"
import { targetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import type { PromptLine } from "./prompts.ts"
import { promptPattern, readPrompt } from "./prompts.ts"
import type { Target } from "./targets.ts"

/**
 * Prompt detection (DEVICE.md §2.3): press Enter and read until quiet, until two answers in a row end
 * with the same line; that line is the prompt. Run after every (re)connect, since after a reload
 * another RSP may be active.
 */

const maxTries = 10

export interface DetectedPrompt extends PromptLine {
  /** The plane's pattern with the real hostname, anchored at a line start. */
  readonly pattern: RegExp
}

const lastLine = (text: string): string => (text.split("\n").at(-1) ?? "").trim()

/**
 * Silence that ends an answer: the scaled `promptQuiet`, like a sleep, and not the timeout floor,
 * which at small time scales would make every connect wait whole seconds of silence. Two answers
 * must agree anyway, so an answer cut short only costs another Enter.
 */
const QUIET_FLOOR_MS = 50
const quietMs = (timing: Timing): number => Math.max(timing.sleepMs("promptQuiet"), QUIET_FLOOR_MS)

/** `firstByteMs` bounds the wait for the first answer (`firstPrompt*`); later answers get `promptFirstByte`. */
export const detectPrompt = (
  link: DeviceLink,
  timing: Timing,
  target: Target,
  firstByteMs: number
): Effect.Effect<DetectedPrompt, TargetFailed> => {
  const answer = (firstByte: number) => Effect.sync(() => link.write(link.enter)).pipe(
    Effect.andThen(link.reader.readUntilQuiet(firstByte, quietMs(timing), firstByte + timing.timeoutMs("loginStep"))),
    Effect.map(lastLine),
    Effect.catchTag("ReadEnded", () => Effect.fail(targetFailed(target, "Connection closed")))
  )
  const attempt = (previous: string, triesLeft: number): Effect.Effect<DetectedPrompt, TargetFailed> =>
    triesLeft === 0
      ? Effect.fail(targetFailed(target, "Connection timeout"))
      : answer(triesLeft === maxTries ? firstByteMs : timing.timeoutMs("promptFirstByte")).pipe(
          Effect.flatMap((line) => {
            if (line === "" || line !== previous) return attempt(line, triesLeft - 1)
            const prompt = readPrompt(line)
            return prompt === undefined
              ? Effect.fail(targetFailed(target, `Unrecognised device prompt '${line}'`))
              : Effect.succeed({ ...prompt, pattern: promptPattern(prompt.plane, prompt.hostname) })
          })
        )
  return attempt("", maxTries)
}
