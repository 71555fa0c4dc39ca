import { assert, describe, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { Cause, Effect, Exit } from "effect"
import { attempt } from "./sqlite-failure.ts"

const outcomeOf = (code: string) =>
  Effect.exit(attempt(() => {
    throw new Database.SqliteError(`failed with ${code}`, code)
  }, "unknown"))

describe("attempt", () => {
  it.effect("turns a busy or failing database into StoreUnavailable", () =>
    Effect.gen(function*() {
      for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_IOERR_FSYNC", "SQLITE_FULL", "SQLITE_CANTOPEN"]) {
        const exit = yield* outcomeOf(code)
        assert.isTrue(Exit.isFailure(exit) && Cause.hasFails(exit.cause), code)
        if (Exit.isFailure(exit)) assert.include(Cause.squash(exit.cause), { _tag: "StoreUnavailable", outcome: "unknown" })
      }
    }))

  it.effect("lets any other SQL error kill the fiber", () =>
    Effect.gen(function*() {
      for (const code of ["SQLITE_ERROR", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_TRIGGER", "SQLITE_CORRUPT"]) {
        const exit = yield* outcomeOf(code)
        assert.isTrue(Exit.isFailure(exit) && Cause.hasDies(exit.cause) && !Cause.hasFails(exit.cause), code)
      }
    }))
})
