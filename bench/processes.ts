import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { createInterface } from "node:readline"

/**
 * Child processes of the benchmarks: a built node script whose stdout is read line by line, and
 * which never outlives the benchmark, however it ends.
 */

export const spawnNode = (script: string, args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}) => {
  // Only what the benchmark gives: no CSM_* variable of the developer's shell leaks in.
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"]
  })
  const kill = () => child.kill()
  process.once("exit", kill)
  const exited = new Promise<void>((resolve) =>
    child.on("close", () => {
      process.off("exit", kill)
      resolve()
    })
  )
  const lines: Array<string> = []
  const waiting = new Set<() => void>()
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line)
    for (const wake of waiting) wake()
  })

  /** What `found` makes of the lines printed so far, once it makes something; fails when the process ends first. */
  const until = <A>(found: (lines: ReadonlyArray<string>) => A | undefined, what: string): Promise<A> =>
    new Promise((resolve, reject) => {
      const look = () => {
        const value = found(lines)
        if (value === undefined) return
        waiting.delete(look)
        resolve(value)
      }
      waiting.add(look)
      look()
      void exited.then(() => reject(new Error(`${script} exited before printing ${what}.`)))
    })

  return {
    pid: child.pid!,
    until,
    /** Resident memory now, in bytes (VmRSS of /proc); 0 once the process has ended. */
    rss: (): number => {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))
        return match === null ? 0 : Number(match[1]) * 1024
      } catch {
        return 0
      }
    },
    stop: () => {
      child.kill("SIGTERM")
      return exited
    }
  }
}

/** Starts a server script and waits for its "Listening on" line; `ready` is the milliseconds that took. */
export const startListening = async (script: string, args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}) => {
  const started = performance.now()
  const child = spawnNode(script, args, { CSM_PORT: "0", ...env })
  const base = await child.until(
    (lines) => lines.map((line) => /Listening on (http:\/\/\S+)/.exec(line)?.[1]).find((address) => address !== undefined),
    "its address"
  )
  return { ...child, base, ready: performance.now() - started }
}
