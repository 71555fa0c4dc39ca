import { readFileSync, writeSync } from "node:fs"
import { Effect, Schema } from "effect"
import { openDatabase } from "../connection.ts"
import { makeSqliteEventStore } from "../sqlite-event-store.ts"
import { Holding, WriterReply, WriterRequest } from "./writer-protocol.ts"

/**
 * A second process writing to a store file through the adapter's own built code, for the tests:
 * `node writer-process.js <database> <request.json> <append|hold>`. It prints the append's
 * outcome as one JSON line (`WriterReply`).
 *
 * In `hold` mode a temporary trigger stops the append inside its transaction, right after the
 * batch's last event is inserted: the process prints `holding` and blocks until its stdin
 * closes (the append then commits), or until it is killed.
 */

const [filename, requestFile, mode] = process.argv.slice(2)
const request = Schema.decodeUnknownSync(WriterRequest)(JSON.parse(readFileSync(requestFile, "utf8")))
const db = openDatabase(filename, 5_000)

if (mode === "hold") {
  // A small page cache spills the batch into the WAL before the commit, as a large batch would:
  // a crash then leaves uncommitted frames on disk for recovery to discard.
  db.pragma("cache_size = 8")
  db.function("hold_transaction", () => {
    writeSync(1, `${Holding}\n`)
    readFileSync(0) // returns when stdin closes
    return null
  })
  const lastId = request.events[request.events.length - 1].id.replaceAll("'", "''")
  db.exec(`CREATE TEMP TRIGGER hold AFTER INSERT ON events WHEN NEW.event_id = '${lastId}'
           BEGIN SELECT hold_transaction(); END`)
}

const outcome = await Effect.runPromise(
  Effect.flatMap(makeSqliteEventStore(db), (store) => Effect.result(store.append(request.stream, request.events, request.expected)))
)
db.close()
writeSync(1, `${JSON.stringify(Schema.encodeSync(WriterReply)(outcome))}\n`)
