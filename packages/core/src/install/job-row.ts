import { formatGmt, formatLocalTime, fromIsoTime } from "../shared/time.ts"
import type { InstallJob, InstallJobs } from "./jobs-projection.ts"
import { blockedReason } from "./scheduler-rule.ts"

/**
 * A job as `GET /api/v1/install` answers it: times in RFC 1123 GMT, or in the guide's local form
 * when the request gave a `utc_offset` (minutes east of UTC); empty values are "".
 */
export const jobRow = (jobs: InstallJobs, job: InstallJob, offsetMinutes: number | undefined) => {
  const time = (at: number | string | undefined): string => {
    if (at === undefined) return ""
    const millis = typeof at === "string" ? fromIsoTime(at) : at
    return offsetMinutes === undefined ? formatGmt(millis) : formatLocalTime(millis, offsetMinutes)
  }
  return {
    id: job.id,
    install_action: job.action,
    dependency: job.dependency ?? "",
    server: job.serverRepository ?? "",
    server_directory: job.serverDirectory ?? "",
    packages: job.packages.join(","),
    pending_downloads: "",
    scheduled_time: time(job.scheduledAt),
    start_time: time(job.startedAt),
    status: job.status,
    status_time: time(job.statusAt),
    // A blocked job stays scheduled; its message says why it does not run.
    status_message: (job.status === "scheduled" ? blockedReason(jobs, job) : undefined) ?? job.statusMessage,
    trace: "",
    created_by: job.createdBy,
    hostname: job.hostname,
    custom_command_profile: job.commandProfiles.join(","),
    package_change_list: job.packageChanges.join(","),
    warnings_or_errors: job.warnings.join("\n")
  }
}
