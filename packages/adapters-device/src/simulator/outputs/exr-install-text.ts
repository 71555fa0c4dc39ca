import type { VirtualClock } from "../clock.ts"
import { exrLogTime } from "../clock.ts"
import type { Operation } from "../install-operations.ts"
import type { InstallText } from "./install-text.ts"

/** eXR install messages (DEVICE.md §9.3, transcripts B and C): 15-character timestamps. */
export const makeExrInstallText = (clock: VirtualClock): InstallText => {
  const now = (): string => exrLogTime(clock.now())
  const withList = (op: Operation): boolean => op.action !== "add" && op.action !== "commit"
  return {
    foreignCommand: "install activate pkg asr9k-isis-x64-1.1.0.0-r612",
    started: (op) => {
      const at = exrLogTime(op.startedAt)
      return [
        `${at} Install operation ${op.id} started by ${op.user}:`,
        `  ${op.command}`,
        ...(withList(op) ? [`${at} Package list:`, ...op.packages.map((name) => `${at}     ${name}`)] : [])
      ]
    },
    accepted: () => [`${now()} Install operation will continue in the background`],
    running: (op, percent) => [`The install ${op.action} operation ${op.id} is ${percent}% complete`],
    idle: ["No install operation in progress"],
    succeeded: (op) => {
      const at = now()
      const done = `${at} Install operation ${op.id} finished successfully`
      const added = op.action === "add" ? [`${at} Packages added:`, ...op.packages.map((name) => `${at}     ${name}`)] : []
      return { logged: [...added, done], shown: [done] }
    },
    failed: (op, errorLines) => {
      const at = now()
      const aborted = `${at} Install operation ${op.id} aborted`
      return { logged: [...errorLines.map((line) => `${at} ERROR! ${line}`), aborted], shown: [aborted] }
    },
    log: (op) => op.printed
  }
}
