/**
 * Where a job's session log goes (DEVICE.md §7). The transport writes every byte it reads to
 * `transcript`; steps and captured files come from the flows. The recorder redacts before it keeps
 * anything, so callers hand it raw text.
 */
export type StepLevel = "INFO" | "WARNING" | "ERROR"

export interface SessionRecorder {
  /** Text read from the device or jump host, in order (`\r` is removed by the recorder). */
  readonly transcript: (text: string) => void
  /** A line of `steps.log`. */
  readonly step: (level: StepLevel, step: string, message: string) => void
  /** A captured output, diff or error file of the log directory. */
  readonly file: (name: string, text: string) => void
  /** A secret of this job (login, jump host, repository password): never written anywhere. */
  readonly secret: (value: string) => void
}
