import type { Operation } from "../install-operations.ts"

/** The install messages of one personality (DEVICE.md §9.3); the engine is shared. */
export interface InstallText {
  /** The command of another user's operation (fault `operationInProgress`). */
  readonly foreignCommand: string
  readonly started: (op: Operation) => ReadonlyArray<string>
  readonly accepted: (op: Operation) => ReadonlyArray<string>
  /** `show install request` while it runs. */
  readonly running: (op: Operation, percent: number) => ReadonlyArray<string>
  readonly idle: ReadonlyArray<string>
  /** `logged` goes to the operation's log, `shown` to the starting session. */
  readonly succeeded: (op: Operation) => { readonly logged: ReadonlyArray<string>; readonly shown: ReadonlyArray<string> }
  readonly failed: (
    op: Operation,
    errorLines: ReadonlyArray<string>
  ) => { readonly logged: ReadonlyArray<string>; readonly shown: ReadonlyArray<string> }
  /** `show install log <id> [detail]`. */
  readonly log: (op: Operation, detail: boolean) => ReadonlyArray<string>
}

export const noLogFor = (id: string): string => `No log information for operation ${id}`
