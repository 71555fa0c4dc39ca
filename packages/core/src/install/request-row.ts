import { Result, Schema } from "effect"
import { invalidJson, invalidKeysMessage, missingKeysMessage } from "../shared/row.ts"
import type { NameLookup } from "../shared/name-lookup.ts"
import { existing } from "../shared/name-lookup.ts"
import { CommandProfileName, CommaList, decodeField, Hostname, ServerRepositoryName, Text } from "../shared/names.ts"
import type { Rejected } from "../shared/rejected.ts"
import { reject } from "../shared/rejected.ts"
import { parseLocalTime, parseUtcOffset } from "../shared/time.ts"
import type { PlannedJob } from "./job-decider.ts"
import type { InstallJobs } from "./jobs-projection.ts"
import { CliSafeName, InstallAction, JobId } from "./schemas.ts"

/** What the planner may read of the world: the names rows refer to, and the jobs. */
export interface PlannerView {
  readonly hosts: NameLookup
  readonly serverRepositories: NameLookup
  readonly commandProfiles: NameLookup
  readonly jobs: InstallJobs
}

/** A valid row of `POST /api/v1/install`: names as stored, time read; no id nor resolved dependency yet. */
export interface RequestedJob extends Omit<PlannedJob, "id" | "dependency"> {
  /** The explicit dependency, if any: a job id or an install action. */
  readonly dependency: number | InstallAction | undefined
}

/** The keys every row takes; the first two are required. */
export const installCommonKeys = ["hostname", "install_action", "scheduled_time", "utc_offset"] as const

/** The keys each action takes besides the common ones (API.md §7). */
export const installActionKeys: Record<InstallAction, { readonly required: ReadonlyArray<string>; readonly optional: ReadonlyArray<string> }> = {
  "Pre-Upgrade": { required: [], optional: ["command_profile", "dependency"] },
  Add: { required: ["server_repository", "software_packages"], optional: ["server_directory", "dependency"] },
  Activate: { required: ["software_packages"], optional: ["dependency"] },
  "Post-Upgrade": { required: [], optional: ["command_profile", "dependency"] },
  Commit: { required: [], optional: ["dependency"] },
  Remove: { required: ["software_packages"], optional: [] },
  Deactivate: { required: ["software_packages"], optional: [] }
}

const ALL_KEYS = [...new Set(Object.values(installActionKeys).flatMap(({ required, optional }) => [...required, ...optional]))]

const TimeText = Text(50)

/** Said by `POST /install` and `GET /install` alike. */
export const missingUtcOffset = "Missing utc_offset. If scheduled_time is submitted, utc_offset is also required."

/** The decoder of each key a row may hold, as the wire gives it; `installActionKeys` says which keys an action takes. */
export const installRowInputs = {
  hostname: Hostname,
  install_action: InstallAction,
  scheduled_time: TimeText,
  utc_offset: TimeText,
  server_repository: ServerRepositoryName,
  server_directory: Text(255),
  software_packages: CommaList(CliSafeName).check(Schema.makeFilter((names) => names.length > 0 || "must not be empty")),
  command_profile: CommaList(CommandProfileName),
  dependency: Schema.Union([Schema.Number, Text(50)])
    .annotate({ message: "must be an install job id or an install action name" })
}
type InstallRowInputs = typeof installRowInputs
// The same decoders, typed key by key, so that `field` below can pick one for a generic key.
const inputDecoders: { readonly [K in keyof InstallRowInputs]: Schema.Decoder<InstallRowInputs[K]["Type"]> } = installRowInputs

type Row = Readonly<Record<string, unknown>>

/**
 * Phase 1 of `POST /api/v1/install` for one row: every check short of dependencies, which the
 * guide leaves to phase 2. The first fault found is the row's message.
 */
export const readRequestRow = (input: unknown, view: PlannerView, now: number): Result.Result<RequestedJob, Rejected> =>
  Result.gen(function*() {
    if (!isRow(input)) return yield* reject(invalidJson)
    const row = input
    yield* onlyKeys(row, [...installCommonKeys, ...ALL_KEYS])
    yield* requiredKeys(row, ["hostname", "install_action"])
    const action = yield* decodeField("install_action", installRowInputs.install_action, row["install_action"])
    const { required, optional } = installActionKeys[action]
    yield* onlyKeys(row, [...installCommonKeys, ...required, ...optional], ` for install_action ${action}`)
    yield* requiredKeys(row, required)

    const hostname = yield* decodeField("hostname", installRowInputs.hostname, row["hostname"])
    const repository = yield* field(row, "server_repository")
    const directory = yield* field(row, "server_directory")
    const profiles = yield* field(row, "command_profile")
    const time = yield* field(row, "scheduled_time")
    const offset = yield* field(row, "utc_offset")
    const job: RequestedJob = {
      hostname: yield* existing(view.hosts, "Host", hostname),
      action,
      scheduledAt: yield* scheduledTime(time, offset, now),
      dependency: yield* dependencyOf(yield* field(row, "dependency")),
      serverRepository: repository === undefined
        ? undefined
        : yield* existing(view.serverRepositories, "Server repository", repository),
      // A blank directory means the repository's home, which needs no check.
      serverDirectory: directory ? yield* decodeField("server_directory", CliSafeName, directory) : undefined,
      packages: (yield* field(row, "software_packages")) ?? [],
      commandProfiles: yield* Result.all((profiles ?? []).map((name) => existing(view.commandProfiles, "Command profile", name)))
    }
    yield* notAlreadyScheduled(job, view.jobs)
    return job
  })

/** A row of the phase-1 answer: the input's keys echoed, plus the status. */
export const failedRow = (input: unknown, message: string): Row => ({
  ...(isRow(input) ? input : {}),
  status: "FAILED",
  status_message: message
})

const isRow = Schema.is(Schema.Record(Schema.String, Schema.Unknown))

const onlyKeys = (row: Row, allowed: ReadonlyArray<string>, where?: string): Result.Result<void, Rejected> => {
  const others = Object.keys(row).filter((key) => !allowed.includes(key))
  return others.length === 0 ? Result.void : reject(invalidKeysMessage(others, where))
}

const requiredKeys = (row: Row, keys: ReadonlyArray<string>): Result.Result<void, Rejected> => {
  const missing = keys.filter((key) => !Object.hasOwn(row, key))
  return missing.length === 0 ? Result.void : reject(missingKeysMessage(missing))
}

const field = <K extends keyof InstallRowInputs>(
  row: Row,
  key: K
): Result.Result<InstallRowInputs[K]["Type"] | undefined, Rejected> =>
  Object.hasOwn(row, key) ? decodeField(key, inputDecoders[key], row[key]) : Result.succeed(undefined)

/** The stored spelling of a name the row refers to. */

const scheduledTime = (
  time: string | undefined,
  offset: string | undefined,
  now: number
): Result.Result<number, Rejected> => {
  if (offset === undefined) {
    return time === undefined
      ? Result.succeed(now)
      : reject(missingUtcOffset)
  }
  return Result.flatMap(parseUtcOffset(offset), (minutes) => time === undefined ? Result.succeed(now) : parseLocalTime(time, minutes))
}

const isJobId = Schema.is(JobId)
const isInstallAction = Schema.is(InstallAction)
const dependencyOf = (value: number | string | undefined): Result.Result<number | InstallAction | undefined, Rejected> => {
  if (value === undefined) return Result.succeed(undefined)
  const text = String(value)
  if (isInstallAction(text)) return Result.succeed(text)
  const id = /^\d+$/.test(text) ? Number(text) : Number.NaN
  return isJobId(id)
    ? Result.succeed(id)
    : reject(`'dependency' must be an install job id or an install action name (not "${text}").`)
}

/** Refuses a row that repeats a job still waiting to run. */
const notAlreadyScheduled = (job: RequestedJob, jobs: InstallJobs): Result.Result<void, Rejected> => {
  const packages = [...job.packages].sort().join(",")
  for (const other of jobs.ofHost(job.hostname)) {
    if (
      other.status === "scheduled" && other.action === job.action && other.scheduledAt === job.scheduledAt &&
      [...other.packages].sort().join(",") === packages
    ) {
      return reject(
        `This duplicates install job ${other.id}, which has the same hostname, install_action, software_packages and scheduled_time and has not run yet.`
      )
    }
  }
  return Result.void
}
