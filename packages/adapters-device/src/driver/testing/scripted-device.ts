import type { SessionRecorder, StepLevel } from "../../logs/session-recorder.ts"
import type { DeviceLink } from "../device-link.ts"
import { makeDeviceReader } from "../device-reader.ts"

/**
 * An in-memory device for unit tests of the session: it echoes typed text, and on Enter hands the
 * line to `answer`, whose text (if any) arrives on the next tick. `end()` is the device hanging up.
 */

export interface MemoryRecorder extends SessionRecorder {
  readonly transcriptText: () => string
  readonly steps: ReadonlyArray<{ readonly level: StepLevel; readonly step: string; readonly message: string }>
  readonly secrets: ReadonlyArray<string>
}

export const makeMemoryRecorder = (): MemoryRecorder => {
  let transcript = ""
  const steps: Array<{ level: StepLevel; step: string; message: string }> = []
  const secrets: Array<string> = []
  return {
    transcript: (text) => {
      transcript += text.replaceAll("\r", "")
    },
    step: (level, step, message) => steps.push({ level, step, message }),
    file: () => {},
    secret: (value) => secrets.push(value),
    transcriptText: () => transcript,
    steps,
    secrets
  }
}

export interface ScriptedDevice {
  readonly link: DeviceLink
  readonly recorder: MemoryRecorder
  /** Lines received with Enter, in order. */
  readonly lines: ReadonlyArray<string>
  /** Text the device prints unasked. */
  readonly print: (text: string) => void
  readonly end: () => void
}

export const makeScriptedDevice = (answer: (line: string) => string | undefined, options: { readonly echo?: boolean } = {}): ScriptedDevice => {
  const recorder = makeMemoryRecorder()
  const reader = makeDeviceReader(recorder)
  const lines: Array<string> = []
  let typed = ""
  const later = (text: string) => setImmediate(() => reader.push(text))
  const enter = "\r"
  return {
    link: {
      reader,
      enter,
      write: (text) => {
        if (!text.endsWith(enter)) {
          typed += text
          // A pager takes its space without echoing it.
          if (options.echo !== false && text !== " ") later(text)
          return
        }
        const line = typed + text.slice(0, -enter.length)
        typed = ""
        lines.push(line)
        const reply = answer(line)
        if (reply !== undefined) later(reply)
      }
    },
    recorder,
    lines,
    print: later,
    end: () => setImmediate(() => reader.end())
  }
}
