import { Effect } from "effect"
import type { DeviceUpdate } from "@csm/core"
import type { Redactor } from "./redaction.ts"
import type { SessionRecorder, StepLevel } from "./session-recorder.ts"

/**
 * The `SessionRecorder` of a job: it keeps what the transport and the flows hand it, and sends it
 * on through the gateway's `report` as `Log` chunks whenever the flows `flush` (each step, each
 * poll), so that the logs are readable while the job runs. Everything is redacted on the way out;
 * the transcript is sent in whole lines only, so that a secret is never split across two chunks.
 */
export interface StreamingRecorder extends SessionRecorder {
  /** Sends what is pending (the transcript up to its last complete line). */
  readonly flush: Effect.Effect<void>
  /** Sends everything, partial last line included. */
  readonly finish: Effect.Effect<void>
}

const SESSION_LOG = "session.log"
const STEPS_LOG = "steps.log"

export const makeStreamingRecorder = (options: {
  readonly directory: string
  readonly redactor: Redactor
  readonly report: (update: DeviceUpdate) => Effect.Effect<void>
  readonly now?: () => Date
}): StreamingRecorder => {
  const { directory, redactor, report } = options
  const now = options.now ?? (() => new Date())
  // Insertion order is the order files first got text: session.log and steps.log come first.
  const pending = new Map<string, string>([[SESSION_LOG, ""], [STEPS_LOG, ""]])
  const append = (file: string, text: string) => pending.set(file, (pending.get(file) ?? "") + text)

  const send = (whole: boolean) =>
    Effect.suspend(() => {
      const chunks: Array<DeviceUpdate> = []
      for (const [file, text] of pending) {
        const cut = whole || file !== SESSION_LOG ? text.length : text.lastIndexOf("\n") + 1
        if (cut === 0) continue
        pending.set(file, text.slice(cut))
        chunks.push({ _tag: "Log", file: `${directory}/${file}`, text: redactor.redact(text.slice(0, cut)) })
      }
      return Effect.forEach(chunks, report, { discard: true })
    })

  return {
    transcript: (text) => append(SESSION_LOG, text.replaceAll("\r", "")),
    step: (level: StepLevel, step, message) => append(STEPS_LOG, `${now().toISOString()} ${level} [${step}] ${message}\n`),
    file: (name, text) => append(name, text),
    secret: (value) => redactor.add(value),
    flush: send(false),
    finish: send(true)
  }
}
