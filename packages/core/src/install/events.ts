import { Schema } from "effect"
import type { EventDefinition } from "../shared/event-definition.ts"
import { IsoTime } from "../shared/time.ts"
import { CliSafeName, InstallAction, JobId } from "./schemas.ts"

/**
 * The install job events. Each job has its own stream, `install-job-<id>`; the ids themselves come
 * from the `install-job-ids` stream, so that a request's reservation and all its jobs are appended
 * together (one appendMany) and an id is never handed out twice. Every event says when it happened
 * in `time`.
 */

export const installJobStream = (id: number): string => `install-job-${id}`
export const INSTALL_JOB_IDS_STREAM = "install-job-ids"

export const InstallJobScheduled = Schema.TaggedStruct("InstallJobScheduled", {
  id: JobId,
  hostname: Schema.String,
  install_action: InstallAction,
  scheduled_time: IsoTime,
  dependency: Schema.optionalKey(JobId),
  server_repository: Schema.optionalKey(Schema.String),
  server_directory: Schema.optionalKey(CliSafeName),
  software_packages: Schema.Array(CliSafeName),
  command_profiles: Schema.Array(Schema.String),
  created_by: Schema.String,
  time: IsoTime
})
export type InstallJobScheduled = typeof InstallJobScheduled.Type

/**
 * The claim: appended with the job stream's expected version, so exactly one server instance runs
 * the job, and with the host's claim (below). `instance` names the server instance that runs it,
 * whose lease tells the others whether it still does; events written before instances could share
 * a store have none.
 */
export const InstallJobStarted = Schema.TaggedStruct("InstallJobStarted", {
  id: JobId,
  instance: Schema.optionalKey(Schema.String),
  time: IsoTime
})
export type InstallJobStarted = typeof InstallJobStarted.Type

export const InstallJobProgressed = Schema.TaggedStruct("InstallJobProgressed", {
  id: JobId,
  status_message: Schema.String,
  time: IsoTime
})
export type InstallJobProgressed = typeof InstallJobProgressed.Type

export const InstallJobCompleted = Schema.TaggedStruct("InstallJobCompleted", {
  id: JobId,
  package_change_list: Schema.Array(Schema.String),
  warnings: Schema.Array(Schema.String),
  time: IsoTime
})
export type InstallJobCompleted = typeof InstallJobCompleted.Type

export const InstallJobFailed = Schema.TaggedStruct("InstallJobFailed", {
  id: JobId,
  status_message: Schema.String,
  warnings: Schema.Array(Schema.String),
  time: IsoTime
})
export type InstallJobFailed = typeof InstallJobFailed.Type

/** Why a job was deleted: asked for, swept along with the deleted job it depended on, or with its host. */
export const DeletionCause = Schema.Union([
  Schema.TaggedStruct("Requested", {}),
  Schema.TaggedStruct("DependencyDeleted", { id: JobId }),
  Schema.TaggedStruct("HostDeleted", {})
])
export type DeletionCause = typeof DeletionCause.Type

export const InstallJobDeleted = Schema.TaggedStruct("InstallJobDeleted", {
  id: JobId,
  cause: DeletionCause,
  time: IsoTime
})
export type InstallJobDeleted = typeof InstallJobDeleted.Type

/** Ids `first` .. `first + count - 1` belong to the request that appended this event. */
export const InstallJobIdsReserved = Schema.TaggedStruct("InstallJobIdsReserved", {
  first: JobId,
  count: JobId
})
export type InstallJobIdsReserved = typeof InstallJobIdsReserved.Type

/**
 * A host's claims, stream `install-host-<hostname>`: each job start appends one, expecting the
 * version the scheduler's read model saw. Two instances that both find the host idle cannot both
 * start a job on it: the second append conflicts.
 */
export const installHostStream = (hostname: string): string => `install-host-${hostname}`

export const InstallHostClaimed = Schema.TaggedStruct("InstallHostClaimed", { hostname: Schema.String, id: JobId, time: IsoTime })
export type InstallHostClaimed = typeof InstallHostClaimed.Type

/**
 * A server instance's sign of life, stream `install-lease-<instance>`, appended every third of the
 * lease while it runs jobs. Another instance that sees none for a whole lease fails its jobs.
 */
export const installLeaseStream = (instance: string): string => `install-lease-${instance}`

export const InstallLeaseRenewed = Schema.TaggedStruct("InstallLeaseRenewed", { instance: Schema.String, time: IsoTime })
export type InstallLeaseRenewed = typeof InstallLeaseRenewed.Type

export type InstallJobEvent =
  | InstallJobScheduled
  | InstallJobStarted
  | InstallJobProgressed
  | InstallJobCompleted
  | InstallJobFailed
  | InstallJobDeleted

export type InstallEvent = InstallJobEvent | InstallJobIdsReserved | InstallHostClaimed | InstallLeaseRenewed

export const installEventDefinitions = [
  { type: "InstallJobScheduled", schemaVersion: 1, schema: InstallJobScheduled },
  { type: "InstallJobStarted", schemaVersion: 1, schema: InstallJobStarted },
  { type: "InstallJobProgressed", schemaVersion: 1, schema: InstallJobProgressed },
  { type: "InstallJobCompleted", schemaVersion: 1, schema: InstallJobCompleted },
  { type: "InstallJobFailed", schemaVersion: 1, schema: InstallJobFailed },
  { type: "InstallJobDeleted", schemaVersion: 1, schema: InstallJobDeleted },
  { type: "InstallJobIdsReserved", schemaVersion: 1, schema: InstallJobIdsReserved },
  { type: "InstallHostClaimed", schemaVersion: 1, schema: InstallHostClaimed },
  { type: "InstallLeaseRenewed", schemaVersion: 1, schema: InstallLeaseRenewed }
] as const satisfies ReadonlyArray<EventDefinition>
