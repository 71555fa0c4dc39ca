import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { Deferred, Effect, Schema } from "effect"
import type { CrashHarness } from "@csm/core/testing"
import { Holding, WriterRequest } from "../../sqlite/testing/writer-protocol.ts"
import { PostgresEventStore } from "../postgres-event-store.ts"

/**
 * Case 15 on PostgreSQL: a writer process holds a 1,000-event append open, is told to commit,
 * and at that moment the cluster is stopped in immediate mode (a crash: no shutdown
 * checkpoint, recovery at the next start) and the writer is killed. It needs to control the
 * cluster, so it runs only when `CSM_TEST_POSTGRES_CRASH=1`, with `pg_ctlcluster` on `CSM_TEST_POSTGRES_CLUSTER`
 * ("15 main" by default), as root or as the cluster's owner.
 */

export const crashSkipNote =
  "set CSM_TEST_POSTGRES_CRASH=1 to let it stop and start the cluster (pg_ctlcluster 15 main stop -m immediate)"

const cluster = (process.env.CSM_TEST_POSTGRES_CLUSTER ?? "15 main").split(" ")

// Plain node runs the child, so it needs the built script; the path holds from src and from dist.
const script = fileURLToPath(new URL("../../../dist/postgres/testing/writer-process.js", import.meta.url))

const pgCtlCluster = (...args: Array<string>) =>
  Effect.asVoid(Effect.sync(() => execFileSync("pg_ctlcluster", [...cluster, ...args], { stdio: "pipe" })))

/** Stops the cluster as a crash would: no shutdown checkpoint, recovery at the next start. */
export const crashCluster = pgCtlCluster("stop", "-m", "immediate")

/** Starts the cluster unless it runs (`status` fails when it is down). */
export const startCluster = Effect.catchDefect(pgCtlCluster("status"), () => pgCtlCluster("start"))

const makeCrashHarness = (url: string, schema: string): CrashHarness => ({
  crashWriter: (request) =>
    Effect.scoped(Effect.gen(function*() {
      if (!existsSync(script)) return yield* Effect.fail(new Error(`${script} is missing: build first (npx tsc -b).`))
      const directory = yield* Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "csm-pg-crash-"))),
        (directory) => Effect.sync(() => rmSync(directory, { recursive: true, force: true }))
      )
      const requestFile = join(directory, "request.json")
      writeFileSync(requestFile, JSON.stringify(Schema.encodeSync(WriterRequest)(request)))
      const child = yield* Effect.acquireRelease(
        Effect.sync(() => spawn(process.execPath, [script, url, schema, requestFile])),
        (child) => Effect.sync(() => child.kill("SIGKILL"))
      )
      const holding = Deferred.makeUnsafe<void>()
      const ended = Deferred.makeUnsafe<void>()
      let stderr = ""
      createInterface({ input: child.stdout }).on("line", (line) => {
        if (line === Holding) Deferred.doneUnsafe(holding, Effect.void)
      })
      child.stderr.on("data", (chunk) => stderr += chunk)
      child.on("close", () => Deferred.doneUnsafe(ended, Effect.void))
      yield* Effect.raceFirst(
        Deferred.await(holding),
        Effect.andThen(Deferred.await(ended), Effect.fail(new Error(`The writer ended before holding its transaction: ${stderr}`)))
      )
      // The commit is sent while the cluster goes down: it lands whole or not at all.
      child.stdin.end()
      yield* crashCluster
      child.kill("SIGKILL")
      yield* Deferred.await(ended)
      yield* startCluster
    })),
  reopen: (contractCheck) => Effect.scoped(Effect.provide(contractCheck, PostgresEventStore.layer({ url, schema })))
})

export const crashHarness = process.env.CSM_TEST_POSTGRES_CRASH === "1" ? makeCrashHarness : undefined
