import type { VirtualClock } from "./clock.ts"
import type { ResolvedRouterConfig } from "./config.ts"
import type { InstallAction, SimFaults } from "./faults.ts"
import type { InstallText } from "./outputs/install-text.ts"
import type { Reloader } from "./reload.ts"
import type { SessionHandle } from "./runtime.ts"
import type { SimTimers } from "./timers.ts"

/**
 * Install operations (DEVICE.md §9.1, §9.3): increasing ids that survive reloads, progress by the
 * clock or by polls, a log of every printed line, unsolicited completion lines for the session
 * that started the operation, and the reload that follows a reload-method operation.
 */
export type OperationState = "waiting" | "running" | "completed" | "failed"

export interface Operation {
  readonly id: number
  readonly action: InstallAction
  /** Classic: the quoted command (`(admin) install add source /…/ x.pie`); eXR: the command line. */
  readonly command: string
  readonly user: string
  readonly startedAt: Date
  /** Internal names (Add: those the files become). */
  readonly packages: ReadonlyArray<string>
  readonly method: "restart" | "reload" | undefined
  readonly downloadBytes: number
  readonly durationSeconds: number
  /** Every line printed for this operation, in order (its log). */
  readonly printed: Array<string>
  readonly owner: SessionHandle | undefined
  /** Applied to the router's state on success. */
  readonly onSuccess: () => void
  /** Error lines of a planned failure (fault `failOperation` mode fail/abort or a repository error). */
  readonly plannedFailure: ReadonlyArray<string> | undefined
  state: OperationState
  polls: number
  finishedAt: Date | undefined
}

export interface OperationRequest {
  readonly action: InstallAction
  readonly command: string
  readonly user: string
  readonly packages: ReadonlyArray<string>
  readonly method?: "restart" | "reload"
  readonly downloadBytes?: number
  readonly owner: SessionHandle | undefined
  readonly onSuccess?: () => void
  readonly plannedFailure?: ReadonlyArray<string>
}

export interface InstallEngine {
  readonly text: InstallText
  /** The running (or dialog-held) operation, ours or the fault's; undefined when idle. */
  readonly busyWith: () => Operation | undefined
  readonly operation: (id: number) => Operation | undefined
  /** Every operation of this router, oldest first. */
  readonly operations: () => ReadonlyArray<Operation>
  /** Take the next id and record the start lines (the operation waits for `launch` or `refuse`). */
  readonly begin: (request: OperationRequest) => Operation
  /** Accept it: the accepted line, then progress and completion. Returns the lines to print. */
  readonly launch: (op: Operation) => ReadonlyArray<string>
  /** Refuse or abort it at once with these error lines. Returns the lines to print. */
  readonly refuse: (op: Operation, errorLines: ReadonlyArray<string>) => ReadonlyArray<string>
  /** A synchronous operation (classic commit): completes now. Returns the lines to print. */
  readonly completeNow: (op: Operation) => ReadonlyArray<string>
  /** `show install request`: counts as a poll. */
  readonly request: () => ReadonlyArray<string>
  readonly progressOf: (op: Operation) => number
}

const durationOf = (config: ResolvedRouterConfig, action: InstallAction, method: string | undefined): number => {
  const d = config.durations
  switch (action) {
    case "add":
      return d.add
    case "activate":
      return method === "reload" ? d.activateReload : d.activate
    case "deactivate":
      return method === "reload" ? d.activateReload : d.deactivate
    case "remove":
      return d.remove
    case "commit":
      return d.commit
  }
}

export const makeInstallEngine = (deps: {
  readonly config: ResolvedRouterConfig
  readonly text: InstallText
  readonly clock: VirtualClock
  readonly timers: SimTimers
  readonly faults: () => SimFaults
  readonly reloader: Reloader
  readonly recordSyslog: (op: Operation) => void
}): InstallEngine => {
  const { config, text, clock, timers, faults } = deps
  const operations = new Map<number, Operation>()
  let nextId = config.firstOperationId
  const dropped = new Set<number>()

  const foreignOperation = (): Operation | undefined => {
    const fault = faults().operationInProgress
    if (fault === undefined) return undefined
    return {
      id: fault.id,
      action: "activate",
      command: text.foreignCommand,
      user: fault.user ?? "admin2",
      startedAt: config.clockStart,
      packages: [],
      method: "restart",
      downloadBytes: 0,
      durationSeconds: Number.POSITIVE_INFINITY,
      printed: [],
      owner: undefined,
      onSuccess: () => undefined,
      plannedFailure: undefined,
      state: "running",
      polls: 5,
      finishedAt: undefined
    }
  }

  const busyWith = (): Operation | undefined =>
    [...operations.values()].find((op) => op.state === "running" || op.state === "waiting") ?? foreignOperation()

  const progressOf = (op: Operation): number => {
    if (op.id === faults().operationInProgress?.id && !operations.has(op.id)) return 50
    const steps =
      config.progressMode === "polls"
        ? op.polls
        : Math.floor(((clock.now().getTime() - op.startedAt.getTime()) / 1000 / op.durationSeconds) * 10)
    return Math.min(90, Math.max(0, steps) * 10)
  }

  const show = (op: Operation, shown: ReadonlyArray<string>): void => {
    if (faults().noCompletionLine !== true) op.owner?.deliver(shown)
  }

  const settle = (op: Operation, announce: boolean): void => {
    op.finishedAt = clock.now()
    if (op.plannedFailure !== undefined) {
      op.state = "failed"
      const { logged, shown } = text.failed(op, op.plannedFailure)
      op.printed.push(...logged)
      if (announce) show(op, shown)
    } else {
      op.state = "completed"
      op.onSuccess()
      const { logged, shown } = text.succeeded(op)
      op.printed.push(...logged)
      if (announce) show(op, shown)
    }
    deps.recordSyslog(op)
  }

  const finish = (op: Operation): void => {
    if (op.state !== "running") return
    const reloads =
      op.method === "reload" && op.plannedFailure === undefined && (op.action === "activate" || op.action === "deactivate")
    if (!reloads) return settle(op, true)
    if (faults().completionAfterReload === true) {
      // The router goes down before the completion line; the log shows success after the boot.
      deps.reloader.start(() => settle(op, false))
    } else {
      settle(op, true)
      deps.reloader.start(() => undefined)
    }
  }

  const dropOwnerAt = (op: Operation, percent: number): void => {
    const fault = faults().dropDuringOperation
    if (fault === undefined || dropped.has(op.id) || (fault.opId !== undefined && fault.opId !== op.id)) return
    if (percent < fault.atPercent) return
    dropped.add(op.id)
    op.owner?.close()
  }

  const schedule = (op: Operation): void => {
    if (config.progressMode === "polls") return
    timers.after(op.durationSeconds, () => finish(op))
    const fault = faults().dropDuringOperation
    if (fault !== undefined && (fault.opId === undefined || fault.opId === op.id)) {
      timers.after((op.durationSeconds * fault.atPercent) / 100, () => dropOwnerAt(op, fault.atPercent))
    }
  }

  return {
    text,
    busyWith,
    operation: (id) => operations.get(id),
    operations: () => [...operations.values()],
    begin: (request) => {
      const op: Operation = {
        id: nextId++,
        action: request.action,
        command: request.command,
        user: request.user,
        startedAt: clock.now(),
        packages: request.packages,
        method: request.method,
        downloadBytes: request.downloadBytes ?? 0,
        durationSeconds: durationOf(config, request.action, request.method),
        printed: [],
        owner: request.owner,
        onSuccess: request.onSuccess ?? (() => undefined),
        plannedFailure: request.plannedFailure,
        state: "waiting",
        polls: 0,
        finishedAt: undefined
      }
      op.printed.push(...text.started(op))
      operations.set(op.id, op)
      return op
    },
    launch: (op) => {
      const accepted = text.accepted(op)
      op.printed.push(...accepted)
      op.state = "running"
      schedule(op)
      return accepted
    },
    refuse: (op, errorLines) => {
      op.finishedAt = clock.now()
      op.state = "failed"
      const { logged } = text.failed(op, errorLines)
      op.printed.push(...logged)
      return logged
    },
    completeNow: (op) => {
      if (op.state !== "waiting" && op.state !== "running") return []
      const before = op.printed.length
      op.state = "running"
      settle(op, false)
      return op.printed.slice(before)
    },
    request: () => {
      const current = busyWith()
      if (current === undefined || current.state === "waiting") return text.idle
      if (config.progressMode === "polls" && operations.has(current.id)) {
        current.polls += 1
        dropOwnerAt(current, progressOf(current))
        if (current.polls >= config.pollsToFinish) {
          finish(current)
          const next = busyWith()
          return next === undefined ? text.idle : text.running(next, progressOf(next))
        }
      }
      return text.running(current, progressOf(current))
    },
    progressOf
  }
}
