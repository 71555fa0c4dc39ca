import { join } from "node:path"
import type { Credentials } from "../../packages/adapters-http/src/testing/client.ts"
import { dig } from "../../packages/adapters-http/src/testing/client.ts"
import type { ServerProcess } from "../../packages/server/src/testing/server-process.ts"
import { startServer } from "../../packages/server/src/testing/server-process.ts"

/**
 * The built `csm-server`, started for one test file: its device time scale equals the simulated
 * routers' so that the driver's waits and the simulator's durations shrink together.
 */

export const ADMIN: Credentials = ["admin", "e2e-admin-password"]

export interface CsmOptions {
  readonly timeScale: number
  /** Where the SQLite store, the keys and the logs live. */
  readonly dataDir: string
  readonly store?: "sqlite" | "memory"
}

export const startCsm = (options: CsmOptions): Promise<ServerProcess> =>
  startServer({
    CSM_DATA_DIR: join(options.dataDir, "data"),
    CSM_STORE: options.store ?? "memory",
    CSM_ADMIN_PASSWORD: ADMIN[1],
    CSM_DEVICE_TIME_SCALE: String(options.timeScale),
    CSM_MAX_CONCURRENT_JOBS: "8"
  })

/** A bulk POST whose every row must succeed: the rows of the answer. */
export const postAll = async (server: ServerProcess, path: string, rows: unknown, listKey: string) => {
  const reply = await server.post(path, rows, ADMIN)
  if (reply.status !== 200) throw new Error(`POST ${path} answered ${reply.status}: ${reply.text}`)
  return dig(reply.body, "api_response", listKey) as ReadonlyArray<Record<string, unknown>>
}

/** GET of an /api/v1 route that must succeed: its `api_response`. */
export const getOk = async (server: ServerProcess, path: string): Promise<unknown> => {
  const reply = await server.get(path, ADMIN)
  if (reply.status !== 200) throw new Error(`GET ${path} answered ${reply.status}: ${reply.text}`)
  return dig(reply.body, "api_response")
}
