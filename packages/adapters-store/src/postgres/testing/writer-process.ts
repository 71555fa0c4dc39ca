import { readFileSync, writeSync } from "node:fs"
import { Effect, Schema } from "effect"
import { Holding, WriterRequest } from "../../sqlite/testing/writer-protocol.ts"
import { beginAppend, rawSession } from "./test-database.ts"

/**
 * A writer process for the crash test: `node writer-process.js <url> <schema> <request.json>`.
 * It runs the store's append statement inside a transaction, prints `holding`, and commits
 * when its stdin closes, unless it is killed first.
 */

const [url, schema, requestFile] = process.argv.slice(2)
const request = Schema.decodeUnknownSync(WriterRequest)(JSON.parse(readFileSync(requestFile, "utf8")))

await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
  const session = yield* rawSession(url, schema)
  yield* beginAppend(session, request)
  writeSync(1, `${Holding}\n`)
  readFileSync(0) // returns when stdin closes
  yield* session.executeRaw("COMMIT", [])
})))
