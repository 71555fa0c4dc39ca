import type { Operation, OperationRequest } from "../install-operations.ts"
import type { Reply } from "../reply.ts"
import type { CommandContext } from "./command.ts"
import { plannedFault } from "./install-args.ts"

/** What an install command asks for; the session gives the user and the owner. */
export type InstallRequest = Omit<OperationRequest, "user" | "owner">

/** How each CLI starts an operation: refused at once with `refusal` (when given), or as its CLI goes on. */
export type StartOperation = (
  context: CommandContext,
  request: InstallRequest,
  line: string,
  refusal: ReadonlyArray<string> | undefined
) => Reply

export interface BegunOperation {
  readonly op: Operation
  /** The start lines, before the operation prints more. */
  readonly started: ReadonlyArray<string>
  /** The command's refusal, else the error lines of a planned fault that refuses it at once. */
  readonly refused: ReadonlyArray<string> | undefined
}

/**
 * Begin the operation for this session's user, with the `failOperation` fault planned for this
 * command line: a `refuse` fault refuses it at once, any other becomes the operation's failure.
 */
export const beginOperation = (
  context: CommandContext,
  request: InstallRequest,
  line: string,
  refusal: ReadonlyArray<string> | undefined
): BegunOperation => {
  const { router, session } = context
  const fault = plannedFault(router, request.action, line)
  const op = router.install.begin({
    ...request,
    user: session.user,
    owner: session.handle,
    ...(fault !== undefined && fault.mode !== "refuse" ? { plannedFailure: fault.errorLines } : {})
  })
  return {
    op,
    started: [...op.printed],
    refused: refusal ?? (fault?.mode === "refuse" ? fault.errorLines : undefined)
  }
}
