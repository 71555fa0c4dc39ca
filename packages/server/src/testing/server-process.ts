import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { client } from "../../../adapters-http/src/testing/client.ts"

/** The built `csm-server` command: the tests run what users run. */
const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url))

export interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** A `csm-server` child process and everything it printed so far, line by line. */
export const spawnServer = (env: Readonly<Record<string, string>>, args: ReadonlyArray<string> = []) => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} does not exist: run \`npm run build\` first.`)
  // Only what the test gives: no CSM_* variable of the developer's shell leaks in.
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env["PATH"] ?? "", CSM_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const waiting = new Set<() => void>()
  const collect = (into: Array<string>) => (line: string) => {
    into.push(line)
    for (const wake of waiting) wake()
  }
  createInterface({ input: child.stdout }).on("line", collect(stdout))
  createInterface({ input: child.stderr }).on("line", collect(stderr))
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })))

  /** The first stdout line that matches, once printed; fails when the process ends first. */
  const waitForLine = (pattern: RegExp): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = () => {
        for (const line of stdout) {
          const match = pattern.exec(line)
          if (match !== null) {
            waiting.delete(check)
            return resolve(match)
          }
        }
      }
      waiting.add(check)
      check()
      void exited.then((exit) => reject(new Error(`csm-server exited (${exit.code ?? exit.signal}) before printing ${pattern}: ${stderr.join("\n")}`)))
    })

  return {
    stdout,
    stderr,
    exited,
    waitForLine,
    /** Sends a signal and answers how the process ended. */
    stop: (signal: NodeJS.Signals = "SIGTERM") => {
      child.kill(signal)
      return exited
    }
  }
}

/** A started server: its HTTP client (`client` of the HTTP adapter's tests) and its process. */
export const startServer = async (env: Readonly<Record<string, string>>, args: ReadonlyArray<string> = []) => {
  const server = spawnServer(env, args)
  const [, base] = await server.waitForLine(/Listening on (http:\/\/\S+)/)
  return { ...server, ...client(base!) }
}

export type ServerProcess = Awaited<ReturnType<typeof startServer>>

/** The password the first start printed. */
export const printedPassword = (server: { readonly stdout: ReadonlyArray<string> }): string => {
  const line = server.stdout.find((line) => line.includes("shown only this once: "))
  if (line === undefined) throw new Error(`No password was printed: ${server.stdout.join("\n")}`)
  return line.slice(line.indexOf("shown only this once: ") + "shown only this once: ".length)
}

/** A fresh temporary directory for one test file, and its removal. */
export const temporaryDirectory = () => {
  const path = mkdtempSync(join(tmpdir(), "csm-server-test-"))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
