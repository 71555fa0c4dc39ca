import { Result } from "effect"
import type { Views } from "../application/read-models.ts"
import { findEntry } from "../directories/projection.ts"
import { findHost } from "../hosts/projection.ts"
import type { InstallJob } from "../install/jobs-projection.ts"
import type { DeviceJob, JumpHostTarget, RepositoryTarget } from "./device-gateway.ts"

/**
 * What the device adapter needs to run `job`, gathered from the read models at the moment it
 * starts: the host's connection, its jump host, the repository and the profiles' commands. A
 * reference that has disappeared since scheduling fails the job with a sentence saying which.
 */
export const deviceJobOf = (views: Views, job: InstallJob, startedAt: string): Result.Result<DeviceJob, string> => {
  const host = findHost(views.hosts, job.hostname)
  if (host === undefined) return Result.fail(`Host ${job.hostname} no longer exists.`)
  const { entry, secrets } = host

  let jump_host: JumpHostTarget | undefined
  if (entry.jump_host !== undefined) {
    const found = findEntry(views.jumpHosts, entry.jump_host)
    if (found === undefined) return Result.fail(`Jump host ${entry.jump_host} no longer exists.`)
    jump_host = { name: found.name, ...found.entry, ...found.secrets }
  }

  let repository: RepositoryTarget | undefined
  if (job.serverRepository !== undefined) {
    const found = findEntry(views.serverRepositories, job.serverRepository)
    if (found === undefined) return Result.fail(`Server repository ${job.serverRepository} no longer exists.`)
    const { server_type, ...fields } = found.entry
    repository = { name: found.name, server_type, fields: { ...fields, ...found.secrets } }
  }

  const commands = new Set<string>()
  for (const name of job.commandProfiles) {
    const profile = findEntry(views.commandProfiles, name)
    if (profile === undefined) return Result.fail(`Custom command profile ${name} no longer exists.`)
    for (const command of profile.entry.command_list) commands.add(command)
  }

  return Result.succeed({
    id: job.id,
    action: job.action,
    target: {
      hostname: host.name,
      connection_type: entry.connection_type,
      ts_or_ip: entry.ts_or_ip,
      port_number: entry.port_number ?? [],
      ...(entry.username !== undefined && { username: entry.username }),
      ...secrets,
      ...(jump_host !== undefined && { jump_host })
    },
    packages: job.packages,
    ...(repository !== undefined && { repository }),
    server_directory: job.serverDirectory ?? "",
    commands: [...commands],
    startedAt
  })
}
