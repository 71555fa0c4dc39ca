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

/** The claim: appended with the job stream's expected version, so exactly one server instance runs the job. */
export const InstallJobStarted = Schema.TaggedStruct("InstallJobStarted", { id: JobId, time: IsoTime })
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

export type InstallJobEvent =
  | InstallJobScheduled
  | InstallJobStarted
  | InstallJobProgressed
  | InstallJobCompleted
  | InstallJobFailed
  | InstallJobDeleted

export type InstallEvent = InstallJobEvent | InstallJobIdsReserved

export const installEventDefinitions = [
  { type: "InstallJobScheduled", schemaVersion: 1, schema: InstallJobScheduled },
  { type: "InstallJobStarted", schemaVersion: 1, schema: InstallJobStarted },
  { type: "InstallJobProgressed", schemaVersion: 1, schema: InstallJobProgressed },
  { type: "InstallJobCompleted", schemaVersion: 1, schema: InstallJobCompleted },
  { type: "InstallJobFailed", schemaVersion: 1, schema: InstallJobFailed },
  { type: "InstallJobDeleted", schemaVersion: 1, schema: InstallJobDeleted },
  { type: "InstallJobIdsReserved", schemaVersion: 1, schema: InstallJobIdsReserved }
] as const satisfies ReadonlyArray<EventDefinition>
