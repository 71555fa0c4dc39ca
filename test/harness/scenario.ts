import type { ServerProcess } from "../../packages/server/src/testing/server-process.ts"
import { temporaryDirectory } from "../../packages/server/src/testing/server-process.ts"
import { makeLab } from "./lab.ts"

/**
 * What an end-to-end scenario starts — a temporary directory, a lab of simulated routers, servers,
 * anything else it registers — and the one `stop` that ends all of it, servers first.
 */
export const makeScenario = () => {
  const tmp = temporaryDirectory()
  const lab = makeLab()
  const servers: Array<ServerProcess> = []
  const cleanups: Array<() => Promise<void>> = []
  return {
    tmp,
    lab,
    /** The server `starting` starts, kept to be stopped with the rest. */
    keep: async (starting: Promise<ServerProcess>): Promise<ServerProcess> => {
      const server = await starting
      servers.push(server)
      return server
    },
    /** Runs `cleanup` at the end of `stop`. */
    onStop: (cleanup: () => Promise<void>): void => {
      cleanups.push(cleanup)
    },
    stop: async (): Promise<void> => {
      await Promise.all(servers.map((server) => server.stop()))
      await lab.stop()
      tmp.remove()
      for (const cleanup of cleanups) await cleanup()
    }
  }
}
