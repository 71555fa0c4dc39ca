import type { VirtualClock } from "../clock.ts"
import { classicTime } from "../clock.ts"
import type { SimNode } from "../config.ts"
import type { Operation } from "../install-operations.ts"
import type { InstallText } from "./install-text.ts"

/** Classic XR install messages (DEVICE.md §9.3, transcript A). */
export const makeClassicInstallText = (clock: VirtualClock, nodes: ReadonlyArray<SimNode>): InstallText => {
  const cpuNodes = nodes.filter((node) => node.kind === "RP" || node.kind === "LC")
  const startLine = (op: Operation): string =>
    `Install operation ${op.id} '${op.command}' started by user '${op.user}' via CLI at ${classicTime(op.startedAt)}.`
  const finishedAt = (op: Operation): string => classicTime(op.finishedAt ?? clock.now())
  const methodName = (op: Operation): string =>
    op.method === "reload" ? "Parallel Reload" : "Parallel Process Restart"
  const reloadsActivation = (op: Operation): boolean => op.action === "activate" || op.action === "deactivate"

  const methodLines = (op: Operation): ReadonlyArray<string> => {
    if (!reloadsActivation(op)) return []
    if (op.method !== "reload") return [`Info:     Install Method: ${methodName(op)}`]
    return [
      "Info:     This operation will reload the following nodes in parallel:",
      ...cpuNodes.map((node) => `Info:         ${node.name} (${node.kind}) (SDR: Owner)`),
      `Info:     Install Method: ${methodName(op)}`
    ]
  }

  const successInfo = (op: Operation): ReadonlyArray<string> => {
    if (op.action === "add") {
      const plural = op.packages.length > 1
      return [
        `Info:     The following ${plural ? "packages are" : "package is"} now available to be activated:`,
        "Info:",
        ...op.packages.map((name) => `Info:         ${name}`),
        "Info:"
      ]
    }
    if (reloadsActivation(op)) {
      return [
        "Info:     The changes made to software configurations will not be persistent across system reloads. Use the command '(admin) install commit' to make changes persistent."
      ]
    }
    if (op.action === "commit") return ["| 100% complete: The operation can no longer be aborted (ctrl-c for options)"]
    return []
  }

  const changeVerb: Record<Operation["action"], string> = {
    add: "Added",
    activate: "Activated",
    deactivate: "Deactivated",
    remove: "Removed",
    commit: "Committed"
  }

  const resultLine = (op: Operation): string => {
    switch (op.state) {
      case "completed":
        return `Install operation ${op.id} completed successfully at ${finishedAt(op)}.`
      case "failed":
        return `Install operation ${op.id} failed at ${finishedAt(op)}.`
      default:
        return `Install operation ${op.id} is still in progress.`
    }
  }

  return {
    foreignCommand: "(admin) install activate disk0:asr9k-px-5.3.3.CSCux00001-1.0.0 prompt-level none",
    started: (op) => [startLine(op)],
    accepted: (op) => [...methodLines(op), "The install operation will continue asynchronously."],
    running: (op, percent) => [
      startLine(op),
      `The operation is ${percent}% complete`,
      ...(op.action === "add"
        ? [`${Math.floor((op.downloadBytes * percent) / 100 / 1024).toLocaleString("en-US")}KB downloaded: Download in progress`]
        : []),
      "The operation can still be aborted (ctrl-c for options)"
    ],
    idle: ["There are no install requests in operation."],
    succeeded: (op) => {
      const lines = [...successInfo(op), `Install operation ${op.id} completed successfully at ${finishedAt(op)}.`]
      return { logged: lines, shown: lines }
    },
    failed: (op, errorLines) => {
      const lines = [...errorLines.map((line) => `Error:    ${line}`), `Install operation ${op.id} failed at ${finishedAt(op)}.`]
      return { logged: lines, shown: lines }
    },
    log: (op, detail) => [
      `Install operation ${op.id} started by user '${op.user}' via CLI at ${classicTime(op.startedAt)}.`,
      `    ${op.command}`,
      resultLine(op),
      "",
      "Install logs:",
      ...op.printed.map((line) => `    ${line}`),
      ...(detail
        ? [
            "",
            "Summary:",
            "    Sub-operation 1:",
            `    Started at: ${classicTime(op.startedAt)}`,
            ...(reloadsActivation(op) ? [`    Install method: ${methodName(op)}`] : []),
            `    Summary of changes on nodes ${cpuNodes.filter((n) => n.kind === "RP").map((n) => n.name).join(", ")}:`,
            ...op.packages.map((name) => `        ${changeVerb[op.action]}:    ${name}`)
          ]
        : [])
    ]
  }
}
