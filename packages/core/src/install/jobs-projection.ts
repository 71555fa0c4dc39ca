import type { Projection, RecordedMeta } from "../shared/projection.ts"
import { fromIsoTime } from "../shared/time.ts"
import type { InstallEvent, InstallJobScheduled } from "./events.ts"
import type { PlannedJob } from "./job-decider.ts"
import type { InstallJobIdsState } from "./job-ids.ts"
import { jobIdsDecider } from "./job-ids.ts"
import type { JobStatus } from "./schemas.ts"

/**
 * An install job as the read model holds it. The scheduled time is epoch milliseconds, as the
 * scheduler compares it; the other times stay the ISO strings of their events until a row shows
 * them, which spares the start-up fold a million conversions.
 */
export interface InstallJob extends PlannedJob {
  readonly createdBy: string
  readonly createdAt: string
  readonly status: JobStatus
  readonly startedAt: string | undefined
  /** When the status or its message last changed. */
  readonly statusAt: string | undefined
  readonly statusMessage: string
  readonly packageChanges: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<string>
  /** The server instance that started the job, when its claim names one. */
  readonly instance: string | undefined
  /** The version of the job's stream: a claim appends `InstallJobStarted` expecting it. */
  readonly version: number
}

type JobRecord = { -readonly [K in keyof InstallJob]: InstallJob[K] }

/** The statuses a job passes through; completed is where most jobs end and stay. */
type ActiveStatus = Exclude<JobStatus, "completed">

/**
 * The install jobs read model: live jobs by id, by host and by active status, which ids were
 * deleted, and where the id sequence stands. Deleted jobs leave every index; only their ids are
 * kept, so that a job whose dependency was deleted can say so. Completed jobs, the history that
 * grows without bound, have no index of their own: keeping one costs the start-up fold more than
 * the rare query by that status gains.
 */
export class InstallJobs {
  readonly #byId = new Map<number, JobRecord>()
  // A host has a handful of live jobs: an array per host is lighter than a Set.
  readonly #byHost = new Map<string, Array<JobRecord>>()
  readonly #byStatus: Record<ActiveStatus, Set<JobRecord>> = {
    scheduled: new Set(),
    "in-progress": new Set(),
    failed: new Set()
  }
  readonly #deleted = new Set<number>()
  /** The version of each host's claims stream (`install-host-<hostname>`). */
  readonly #hostClaims = new Map<string, number>()
  /** How many times each server instance renewed its lease. */
  readonly #leaseRenewals = new Map<string, number>()
  #idSequence: InstallJobIdsState & { readonly version: number } = { ...jobIdsDecider.initialState, version: 0 }

  get(id: number): InstallJob | undefined {
    return this.#byId.get(id)
  }

  wasDeleted(id: number): boolean {
    return this.#deleted.has(id)
  }

  /** Every live job, oldest first. */
  all(): Iterable<InstallJob> {
    return this.#byId.values()
  }

  /** The jobs of a host, by its canonical name. */
  ofHost(hostname: string): ReadonlyArray<InstallJob> {
    return this.#byHost.get(hostname) ?? []
  }

  /** The jobs in one status; completed ones are found by a scan of every job. */
  withStatus(status: JobStatus): Iterable<InstallJob> {
    return status === "completed" ? this.#completed() : this.#byStatus[status]
  }

  /** How many jobs are running now. */
  get runningCount(): number {
    return this.#byStatus["in-progress"].size
  }

  /** How many jobs `instance` is running now. */
  runningCountOf(instance: string): number {
    let count = 0
    for (const job of this.#byStatus["in-progress"]) if (job.instance === instance) count++
    return count
  }

  /** The version of the host's claims stream: the next claim of the host expects it. */
  hostClaimVersion(hostname: string): number {
    return this.#hostClaims.get(hostname) ?? 0
  }

  /** How many times `instance` has renewed its lease so far. */
  leaseRenewals(instance: string): number {
    return this.#leaseRenewals.get(instance) ?? 0
  }

  * #completed(): Iterable<InstallJob> {
    for (const job of this.#byId.values()) if (job.status === "completed") yield job
  }

  /**
   * The ids of the live jobs whose dependency is `id`. A job depends only on a job of its own
   * host (the planner's rule), so the host's jobs are all there is to look at.
   */
  dependentsOf(id: number): ReadonlyArray<number> {
    const job = this.#byId.get(id)
    if (job === undefined) return []
    return this.ofHost(job.hostname).filter((other) => other.dependency === id).map((other) => other.id)
  }

  /** The next free id and the `install-job-ids` stream version to reserve it with. */
  get idSequence(): InstallJobIdsState & { readonly version: number } {
    return this.#idSequence
  }

  /** Folds one event in place; only the projection runner calls it. */
  apply(event: InstallEvent, meta: RecordedMeta): void {
    if (event._tag === "InstallJobIdsReserved") {
      this.#idSequence = { ...jobIdsDecider.evolve(this.#idSequence, event), version: meta.version }
      return
    }
    if (event._tag === "InstallHostClaimed") {
      this.#hostClaims.set(event.hostname, meta.version)
      return
    }
    if (event._tag === "InstallLeaseRenewed") {
      this.#leaseRenewals.set(event.instance, meta.version)
      return
    }
    if (event._tag === "InstallJobScheduled") return this.#add(event, meta.version)
    const job = this.#byId.get(event.id)
    if (job === undefined) return // a consistent log never has one; the decider refuses them
    job.version = meta.version
    const at = event.time
    switch (event._tag) {
      case "InstallJobStarted":
        job.startedAt = at
        job.instance = event.instance
        return this.#move(job, "in-progress", at)
      case "InstallJobProgressed":
        job.statusMessage = event.status_message
        job.statusAt = at
        return
      case "InstallJobCompleted":
        job.statusMessage = ""
        job.packageChanges = event.package_change_list
        job.warnings = event.warnings
        return this.#move(job, "completed", at)
      case "InstallJobFailed":
        job.statusMessage = event.status_message
        job.warnings = event.warnings
        return this.#move(job, "failed", at)
      case "InstallJobDeleted":
        return this.#remove(job)
    }
  }

  #add(event: InstallJobScheduled, version: number): void {
    const job: JobRecord = {
      id: event.id,
      hostname: event.hostname,
      action: event.install_action,
      scheduledAt: fromIsoTime(event.scheduled_time),
      dependency: event.dependency,
      serverRepository: event.server_repository,
      serverDirectory: event.server_directory,
      packages: event.software_packages,
      commandProfiles: event.command_profiles,
      createdBy: event.created_by,
      createdAt: event.time,
      status: "scheduled",
      startedAt: undefined,
      statusAt: undefined,
      statusMessage: "",
      packageChanges: [],
      warnings: [],
      instance: undefined,
      version
    }
    this.#byId.set(job.id, job)
    const ofHost = this.#byHost.get(job.hostname)
    if (ofHost === undefined) this.#byHost.set(job.hostname, [job])
    else ofHost.push(job)
    this.#byStatus.scheduled.add(job)
  }

  #move(job: JobRecord, status: JobStatus, at: string): void {
    if (job.status !== "completed") this.#byStatus[job.status].delete(job)
    if (status !== "completed") this.#byStatus[status].add(job)
    job.status = status
    job.statusAt = at
  }

  #remove(job: JobRecord): void {
    this.#byId.delete(job.id)
    this.#deleted.add(job.id)
    if (job.status !== "completed") this.#byStatus[job.status].delete(job)
    const ofHost = this.#byHost.get(job.hostname) ?? []
    ofHost.splice(ofHost.indexOf(job), 1)
    if (ofHost.length === 0) this.#byHost.delete(job.hostname)
  }
}

export const installJobsProjection: Projection<InstallJobs, InstallEvent> = {
  init: () => new InstallJobs(),
  apply: (jobs, event, meta) => jobs.apply(event, meta)
}
