import type { DemoLab } from "./demo-lab.ts"

/**
 * What the demo registers through the API, in an order where every name is created before it is used:
 * the lab's repositories, region "Demo Lab" offering them, a command profile, the jump host, the hosts.
 */

export const demoRegion = "Demo Lab"

/** Commands every simulated router answers, classic and eXR alike (`show version brief` is classic only). */
export const demoProfile = { profile_name: "Demo checks", command_list: ["show version", "show install active summary"] } as const

export interface DemoRequest {
  readonly path: string
  /** JSON rows. */
  readonly rows: ReadonlyArray<object>
}

export const demoRegistration = (lab: DemoLab): ReadonlyArray<DemoRequest> => {
  const repositories = [...new Map(lab.hosts.map(({ repository }) => [repository.hostname, repository])).values()]
  return [
    { path: "/api/v1/server_repositories", rows: repositories },
    { path: "/api/v1/regions", rows: [{ region_name: demoRegion, server_repositories: repositories.map(({ hostname }) => hostname) }] },
    { path: "/api/v1/custom_command_profiles", rows: [demoProfile] },
    {
      path: "/api/v1/jump_hosts",
      rows: [{
        hostname: lab.jumpHost.name,
        connection_type: "ssh",
        host_or_ip: "127.0.0.1",
        port_number: lab.jumpHost.port,
        username: lab.jumpHost.username,
        password: lab.jumpHost.password
      }]
    },
    {
      path: "/api/v1/hosts",
      rows: lab.hosts.map((host) => ({
        hostname: host.hostname,
        region: demoRegion,
        connection_type: host.transport,
        ts_or_ip: "127.0.0.1",
        port_number: host.port,
        username: host.username,
        password: host.password,
        ...(host.viaJumpHost && { jump_host: lab.jumpHost.name })
      }))
    }
  ]
}
