import { Effect } from "effect"
import { rawSession } from "./test-database.ts"

/** Runs one statement on the server of `url`, outside any transaction (as CREATE DATABASE needs). */
const onServer = (url: string, statement: string): Promise<void> =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(rawSession(url, "public"), (session) => session.executeRaw(statement, []))).pipe(Effect.asVoid))

/**
 * A database of its own on the PostgreSQL server of `url`, for a server process, which always uses
 * the schema "public": created empty (replacing one left by an earlier run), and dropped by `drop`,
 * forcing off whatever still holds a session in it. Also `@csm/adapters-store/postgres/testing`.
 */
export const scratchDatabase = async (url: string, name: string) => {
  const drop = () => onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await drop()
  await onServer(url, `CREATE DATABASE ${name}`)
  const own = new URL(url)
  own.pathname = `/${name}`
  return { url: own.toString(), drop }
}
