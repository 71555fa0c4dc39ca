import type { Projection, RecordedMeta } from "../shared/projection.ts"
import { fromIsoTime } from "../shared/time.ts"
import type { InstallEvent, InstallJobScheduled } from "./events.ts"
import type { PlannedJob } from "./job-decider.ts"
import type { InstallJobIdsState } from "./job-ids.ts"
import { jobIdsDecider } from "./job-ids.ts"
import type { JobStatus } from "./schemas.ts"

/** An install job as the read model holds it; times are epoch milliseconds. */
export interface InstallJob extends PlannedJob {
  readonly createdBy: string
  readonly createdAt: number
  readonly status: JobStatus
  readonly startedAt: number | undefined
  /** When the status or its message last changed. */
  readonly statusAt: number | undefined
  readonly statusMessage: string
  readonly packageChanges: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<string>
  /** The version of the job's stream: a claim appends `InstallJobStarted` expecting it. */
  readonly version: number
}

type JobRecord = { -readonly [K in keyof InstallJob]: InstallJob[K] }

const NONE: ReadonlySet<never> = new Set()

/**
 * The install jobs read model: live jobs by id, by host and by status, who depends on whom, which
 * ids were deleted, and where the id sequence stands. Deleted jobs leave every index; only their
 * ids are kept, so that a job whose dependency was deleted can say so.
 */
export class InstallJobs {
  readonly #byId = new Map<number, JobRecord>()
  readonly #byHost = new Map<string, Set<JobRecord>>()
  readonly #byStatus: Record<JobStatus, Set<JobRecord>> = {
    scheduled: new Set(),
    "in-progress": new Set(),
    completed: new Set(),
    failed: new Set()
  }
  readonly #dependents = new Map<number, Set<number>>()
  readonly #deleted = new Set<number>()
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
  ofHost(hostname: string): ReadonlySet<InstallJob> {
    return this.#byHost.get(hostname) ?? NONE
  }

  withStatus(status: JobStatus): ReadonlySet<InstallJob> {
    return this.#byStatus[status]
  }

  /** The ids of the live jobs whose dependency is `id`. */
  dependentsOf(id: number): ReadonlySet<number> {
    return this.#dependents.get(id) ?? NONE
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
    if (event._tag === "InstallJobScheduled") return this.#add(event, meta.version)
    const job = this.#byId.get(event.id)
    if (job === undefined) return // a consistent log never has one; the decider refuses them
    job.version = meta.version
    const at = fromIsoTime(event.time)
    switch (event._tag) {
      case "InstallJobStarted":
        job.startedAt = at
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
      createdAt: fromIsoTime(event.time),
      status: "scheduled",
      startedAt: undefined,
      statusAt: undefined,
      statusMessage: "",
      packageChanges: [],
      warnings: [],
      version
    }
    this.#byId.set(job.id, job)
    setAt(this.#byHost, job.hostname).add(job)
    this.#byStatus.scheduled.add(job)
    if (job.dependency !== undefined) setAt(this.#dependents, job.dependency).add(job.id)
  }

  #move(job: JobRecord, status: JobStatus, at: number): void {
    this.#byStatus[job.status].delete(job)
    this.#byStatus[status].add(job)
    job.status = status
    job.statusAt = at
  }

  #remove(job: JobRecord): void {
    this.#byId.delete(job.id)
    this.#deleted.add(job.id)
    this.#byStatus[job.status].delete(job)
    deleteAt(this.#byHost, job.hostname, job)
    if (job.dependency !== undefined) deleteAt(this.#dependents, job.dependency, job.id)
  }
}

const setAt = <K, V>(map: Map<K, Set<V>>, key: K): Set<V> => {
  const found = map.get(key)
  if (found !== undefined) return found
  const created = new Set<V>()
  map.set(key, created)
  return created
}

/** Removes `value` from the set at `key`, and the set once it is empty. */
const deleteAt = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  const set = map.get(key)
  set?.delete(value)
  if (set?.size === 0) map.delete(key)
}

export const installJobsProjection: Projection<InstallJobs, InstallEvent> = {
  init: () => new InstallJobs(),
  apply: (jobs, event, meta) => jobs.apply(event, meta)
}
