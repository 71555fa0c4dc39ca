import { Effect, Redacted } from "effect"
import type { DeviceJob, SealedSecret, SecretBox } from "@csm/core"
import type { LoginTarget } from "../driver/connect-request.ts"
import type { OpenRepository } from "../flows/repository-url.ts"

/** A job's connection and repository with their secrets opened, and every secret to keep out of the logs. */
export interface OpenedJob {
  readonly target: LoginTarget
  readonly repository?: OpenRepository
  readonly secrets: ReadonlyArray<string>
}

export const openJobSecrets = (box: SecretBox["Service"], job: DeviceJob) =>
  Effect.gen(function*() {
    const secrets: Array<string> = []
    const open = (sealed: SealedSecret | undefined) =>
      sealed === undefined
        ? Effect.succeed(undefined)
        : Effect.map(box.open(sealed), (opened) => {
          secrets.push(Redacted.value(opened))
          return opened
        })
    const { target } = job
    const password = yield* open(target.password)
    yield* open(target.enable_password)
    const jump = target.jump_host
    const jumpPassword = yield* open(jump?.password)
    const login: LoginTarget = {
      hostname: target.hostname,
      connection_type: target.connection_type,
      ts_or_ip: target.ts_or_ip,
      port_number: target.port_number,
      ...(target.username !== undefined && { username: target.username }),
      ...(password !== undefined && { password }),
      ...(jump !== undefined && {
        jump_host: {
          connection_type: jump.connection_type,
          host_or_ip: jump.host_or_ip,
          ...(jump.port_number !== undefined && { port_number: jump.port_number }),
          ...(jump.username !== undefined && { username: jump.username }),
          ...(jumpPassword !== undefined && { password: jumpPassword })
        }
      })
    }
    if (job.repository === undefined) return { target: login, secrets } satisfies OpenedJob
    const { password: sealed, ...fields } = job.repository.fields
    const repositoryPassword = yield* open(sealed)
    const repository: OpenRepository = {
      server_type: job.repository.server_type,
      fields,
      ...(repositoryPassword !== undefined && { password: Redacted.value(repositoryPassword) })
    }
    return { target: login, repository, secrets } satisfies OpenedJob
  })
