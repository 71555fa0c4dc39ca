import type { RunningBastion, RunningSimulatedRouter, SimulatedRouter, SimulatedRouterConfig } from "@csm/adapters-device"
import { startBastion, startSimulatedRouter } from "@csm/adapters-device"
import type { ServerProcess } from "../../packages/server/src/testing/server-process.ts"
import { postAll } from "./csm.ts"

/**
 * Simulated routers and a jump host, in the test's own process on ephemeral ports, and the directory
 * entries (region, repositories, jump host, hosts) that point the server at them.
 */

export const ROUTER_USER = { username: "cisco", password: "router-pw-7x" } as const
export const REGION = "E2E Lab"

export type Router = RunningSimulatedRouter<SimulatedRouter>

export const makeLab = () => {
  const routers: Array<Router> = []
  const bastions: Array<RunningBastion> = []
  return {
    /** A router with the lab's login; the test's config wins. */
    router: async (config: SimulatedRouterConfig): Promise<Router> => {
      const router = await startSimulatedRouter({ users: [ROUTER_USER], ...config })
      routers.push(router)
      return router
    },
    bastion: async (): Promise<RunningBastion> => {
      const bastion = await startBastion()
      bastions.push(bastion)
      return bastion
    },
    stop: async (): Promise<void> => {
      await Promise.all([...routers.splice(0), ...bastions.splice(0)].map((running) => running.stop()))
    }
  }
}

export type Lab = ReturnType<typeof makeLab>

export const addRegion = (server: ServerProcess) => postAll(server, "/api/v1/regions", { region_name: REGION }, "region_list")

/** A TFTP repository whose path is the key of the simulator's repository (`tftp://<path>`). */
export const addTftpRepository = (server: ServerProcess, name: string, path: string) =>
  postAll(server, "/api/v1/server_repositories", { hostname: name, server_type: "TFTP", tftp_server_path: path }, "server_repository_list")

export const addSshJumpHost = (server: ServerProcess, name: string, bastion: RunningBastion) => {
  const user = bastion.users[0]!
  return postAll(
    server,
    "/api/v1/jump_hosts",
    { hostname: name, connection_type: "ssh", host_or_ip: "127.0.0.1", port_number: bastion.port, username: user.username, password: user.password },
    "jump_host_list"
  )
}

export interface HostOf {
  readonly hostname: string
  readonly router: Router
  readonly transport: "ssh" | "telnet"
  readonly jumpHost?: string
}

export const addHosts = (server: ServerProcess, hosts: ReadonlyArray<HostOf>) =>
  postAll(
    server,
    "/api/v1/hosts",
    hosts.map(({ hostname, router, transport, jumpHost }) => ({
      hostname,
      region: REGION,
      connection_type: transport,
      ts_or_ip: "127.0.0.1",
      port_number: transport === "ssh" ? router.sshPort : router.telnetPort,
      username: ROUTER_USER.username,
      password: ROUTER_USER.password,
      ...(jumpHost === undefined ? {} : { jump_host: jumpHost })
    })),
    "host_list"
  )
