import type { Effect } from "effect"
import type { CommandError } from "./device-errors.ts"

/**
 * One logged-in CLI session on a router, as the install flows use it (DEVICE.md §2.4). It is
 * transport-neutral: SSH, telnet, through a jump host or on a console all look the same here.
 * Every wait is bounded by the timeout given in milliseconds (see `timing/timing-profile.ts`).
 */
export interface DeviceSession {
  /** `telnet://cisco@10.1.1.1:23`: where this session landed, never with a password. */
  readonly url: string
  /** Type `command`, wait for its echo, press Enter, wait for the prompt; the output in between. */
  readonly send: (command: string, timeoutMs: number) => Effect.Effect<string, CommandError>
  /**
   * Type `command`, wait for its echo, press Enter, then wait until one of `patterns` or the prompt
   * matches (dialogs: the eXR reload question, an scp `Password:`). `matched` is the index of the
   * pattern, or "prompt".
   */
  readonly sendExpecting: (
    command: string,
    patterns: ReadonlyArray<RegExp>,
    timeoutMs: number
  ) => Effect.Effect<{ readonly matched: number | "prompt"; readonly output: string }, CommandError>
  /** Type a secret without waiting for an echo (none comes) and press Enter; then as `sendExpecting`. Logs `******`. */
  readonly sendSecret: (
    secret: string,
    patterns: ReadonlyArray<RegExp>,
    timeoutMs: number
  ) => Effect.Effect<{ readonly matched: number | "prompt"; readonly output: string }, CommandError>
  /** Press Enter, then wait until `pattern` matches output not yet consumed (earlier unread text first). Prompts do not end it. */
  readonly waitFor: (pattern: RegExp, timeoutMs: number) => Effect.Effect<string, CommandError>
  /** Text that arrived before echoes since the last call (unsolicited completion lines), then forgotten. */
  readonly takeUnsolicited: () => string
  /** Run `body` on the eXR admin VM (`admin` … `exit`); inside it `send` waits for the admin prompt. */
  readonly admin: <A, E, R>(body: Effect.Effect<A, E, R>) => Effect.Effect<A, E | CommandError, R>
  /** Close the transport (and the jump host's); never fails, safe to call twice. */
  readonly close: Effect.Effect<void>
}
