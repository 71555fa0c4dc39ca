import { spawn } from "node:child_process"
import { existsSync, writeFileSync } from "node:fs"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { Deferred, Effect, Schema } from "effect"
import type { Result, Scope } from "effect"
import type { AppendError, AppendRequest, AppendResult } from "@csm/core"
import { Holding, WriterReply, WriterRequest } from "./writer-protocol.ts"
import type { WriterMode } from "./writer-protocol.ts"

/** The tests' side of `writer-process.ts`: a second process appending to the same file. */

// Plain node runs the child, so it needs the built script; the path holds from src and from dist.
const script = fileURLToPath(new URL("../../../dist/sqlite/testing/writer-process.js", import.meta.url))

export interface Writer {
  /** Completes once a `hold` writer stands inside its transaction, with the whole batch inserted. */
  readonly holding: Effect.Effect<void, Error>
  /** Lets a `hold` writer commit. */
  readonly release: Effect.Effect<void>
  /** The append's outcome, once the process has ended. */
  readonly outcome: Effect.Effect<Result.Result<AppendResult, AppendError>, Error>
  /** Kills the process with SIGKILL and waits for it to end. */
  readonly kill: Effect.Effect<void>
}

let requests = 0

/** Starts a writer process on `filename`; it is killed, if still running, when the scope closes. */
export const startWriter = (
  filename: string,
  request: AppendRequest,
  mode: WriterMode
): Effect.Effect<Writer, Error, Scope.Scope> =>
  Effect.gen(function*() {
    if (!existsSync(script)) return yield* Effect.fail(new Error(`${script} is missing: build first (npx tsc -b).`))
    const requestFile = `${filename}.request-${++requests}.json`
    writeFileSync(requestFile, JSON.stringify(Schema.encodeSync(WriterRequest)(request)))
    const child = yield* Effect.acquireRelease(
      Effect.sync(() => spawn(process.execPath, [script, filename, requestFile, mode])),
      (child) => Effect.sync(() => child.kill("SIGKILL"))
    )
    const holding = Deferred.makeUnsafe<void>()
    const ended = Deferred.makeUnsafe<void>()
    const lines: Array<string> = []
    let stderr = ""
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === Holding) Deferred.doneUnsafe(holding, Effect.void)
      else lines.push(line)
    })
    child.stderr.on("data", (chunk) => stderr += chunk)
    // `close` comes after the output has been read, unlike `exit`.
    child.on("close", () => Deferred.doneUnsafe(ended, Effect.void))
    const failed = (what: string) => new Error(`The writer process ${what} (exit ${child.exitCode}): ${stderr}`)

    return {
      holding: Effect.raceFirst(
        Deferred.await(holding),
        Effect.andThen(Deferred.await(ended), Effect.fail(failed("ended before holding its transaction")))
      ),
      release: Effect.sync(() => child.stdin.end()),
      outcome: Effect.andThen(Deferred.await(ended), () =>
        child.exitCode === 0 && lines.length === 1
          ? Effect.mapError(Schema.decodeUnknownEffect(WriterReply)(JSON.parse(lines[0])), (error) => new Error(error.message))
          : Effect.fail(failed("failed"))),
      kill: Effect.andThen(Effect.sync(() => child.kill("SIGKILL")), Deferred.await(ended))
    }
  })
