import { Equal, Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { fold } from "../shared/decider.ts"

/**
 * given(events) / when(command) / then(events | rejection) for a decider, as in Emmett's
 * DeciderSpecification. It throws a plain Error on a mismatch, so any test runner reports it.
 */
export const DeciderSpecification = {
  for: <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
    given: (events: ReadonlyArray<Event>) => ({
      when: (command: Command) => {
        const outcome = decider.decide(command, fold(decider, events))
        return {
          then: (expected: ReadonlyArray<Event>): void => {
            if (Result.isFailure(outcome)) {
              throw new Error(`Expected events ${show(expected)}, but the command was rejected: ${outcome.failure.message}`)
            }
            if (!Equal.equals(outcome.success, expected)) {
              throw new Error(`Expected events ${show(expected)}, got ${show(outcome.success)}`)
            }
          },
          thenRejects: (message: string): void => {
            if (Result.isSuccess(outcome)) {
              throw new Error(`Expected the rejection "${message}", got events ${show(outcome.success)}`)
            }
            if (outcome.failure.message !== message) {
              throw new Error(`Expected the rejection "${message}", got "${outcome.failure.message}"`)
            }
          }
        }
      }
    })
  })
}

const show = (value: unknown): string => JSON.stringify(value)
