import { Schema } from "effect"

/** The implicit dependency chain of the guide: Pre-Upgrade ← Add ← Activate ← Post-Upgrade ← Commit. */
export const IMPLICIT_CHAIN = ["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"] as const

/** Every install action, in the implicit order: the chain, then the two that take no dependency. */
export const INSTALL_ACTIONS = [...IMPLICIT_CHAIN, "Remove", "Deactivate"] as const

/** Messages are predicates for `decodeField` (shared/names.ts), which names the key. */
const oneOf = (values: ReadonlyArray<string>) => ({ message: `must be one of ${values.join(", ")}` })

export const InstallAction = Schema.Literals(INSTALL_ACTIONS).annotate(oneOf(INSTALL_ACTIONS))
export type InstallAction = typeof InstallAction.Type

const JOB_STATUSES = ["scheduled", "in-progress", "completed", "failed"] as const
export const JobStatus = Schema.Literals(JOB_STATUSES).annotate(oneOf(JOB_STATUSES))
export type JobStatus = typeof JobStatus.Type

/** The statuses in which a job can be deleted. */
const DELETABLE_STATUSES = ["scheduled", "failed"] as const
export const DeletableStatus = Schema.Literals(DELETABLE_STATUSES).annotate(oneOf(DELETABLE_STATUSES))
export type DeletableStatus = typeof DeletableStatus.Type

/** Install job ids are positive integers, never reused. */
export const JobId = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))

/**
 * A package file or device package name, or a server directory. It is typed into a router's CLI, so
 * only characters that can never end a command or start another are allowed: no spaces, quotes,
 * `;`, `|` or control characters.
 */
export const CliSafeName = Schema.String.check(
  Schema.makeFilter((name: string) =>
    /^[A-Za-z0-9._:\/-]+$/.test(name) || `must contain only letters, digits and . _ : / - (not "${name}")`
  ),
  Schema.isMaxLength(255, { message: "must be at most 255 characters" })
)

/** Position in the implicit order, which is also the order in which a request's jobs are created for a host. */
export const implicitRank = (action: InstallAction): number => INSTALL_ACTIONS.indexOf(action)

/** Only the chain actions take a dependency (implicit or explicit); Remove and Deactivate never do. */
export const takesDependency = (action: InstallAction): boolean => implicitRank(action) < IMPLICIT_CHAIN.length
