import { Effect, Exit, Option, Queue, Result, Stream } from "effect"
import type { Cause, Scope } from "effect"
import { uuidV7 } from "../store/event-ids.ts"
import type {
  AppendRequest,
  AppendResult,
  AppendError,
  Checkpoint,
  NewEvent,
  RecordedEvent,
  StoreCapabilities,
  StoreUnavailable,
  SubscriptionItem
} from "../store/event-store.ts"
import { End, EventStore, ExpectedVersion, Start } from "../store/event-store.ts"
import { check, checkEqual, failsWith, present } from "./check.ts"

/**
 * The contract every event-store adapter passes (STORE.md §4), as data: each case is an effect
 * needing a fresh, empty `EventStore`, so any runner can run it. Cases an adapter cannot run
 * carry the reason instead. Subscriptions never sleep: they wait on the items themselves.
 */

export type StoreContractCase =
  | { readonly name: string; readonly run: Effect.Effect<void, unknown, EventStore> }
  | { readonly name: string; readonly skipReason: string }

/** What an adapter brings besides its store: its capabilities and the hooks it can offer. */
export interface StoreContractHarness {
  readonly capabilities: StoreCapabilities
  /** Case 6: an append made by a second process on the same store (SQLite). */
  readonly appendFromOtherProcess?: (request: AppendRequest) => Effect.Effect<AppendResult, AppendError>
  /** Case 11. */
  readonly openAppend?: OpenAppend
  /** Case 12: an append whose transaction fails after inserting its events, so it rolls back. */
  readonly faultyAppend?: (request: AppendRequest) => Effect.Effect<unknown, unknown, EventStore>
  /** Case 15. */
  readonly crash?: CrashHarness
}

/** An append whose transaction has inserted its events and waits, uncommitted, for `commit`. */
export interface OpenAppend {
  readonly begin: (
    request: AppendRequest
  ) => Effect.Effect<{ readonly commit: Effect.Effect<void, unknown> }, unknown, EventStore | Scope.Scope>
  /** Whether other appends commit while it is open (PostgreSQL); elsewhere it holds the write lock. */
  readonly concurrent: boolean
}

export interface CrashHarness {
  /**
   * Appends `request` in one transaction from a writer process and kills that process with
   * SIGKILL mid-transaction (PostgreSQL: also `pg_ctl stop -m immediate` during the commit),
   * then restarts whatever it stopped.
   */
  readonly crashWriter: (request: AppendRequest) => Effect.Effect<void, unknown, EventStore>
  /** Runs `check` against the store opened afresh after the crash. */
  readonly reopen: (check: Effect.Effect<void, unknown, EventStore>) => Effect.Effect<void, unknown, EventStore>
}

export const storeContractCases = (harness: StoreContractHarness): ReadonlyArray<StoreContractCase> => {
  const { appendFromOtherProcess, capabilities, crash, faultyAppend, openAppend } = harness
  const { multiStreamAppend, strictEventIds } = capabilities
  return [
    { name: "1. NoStream on a new stream numbers its events from 1", run: noStreamOnNewStream },
    { name: "2. NoStream on an existing stream conflicts and writes nothing", run: noStreamOnExistingStream },
    { name: "3. StreamExists fails on a missing stream, succeeds after a write", run: streamExists },
    { name: "4. Exact(v) succeeds only at the stream's version", run: exactVersion },
    { name: "5. Any appends to new and existing streams", run: anyVersion },
    { name: "6. Of eight parallel appends with one expectation, exactly one succeeds", run: parallelAppends() },
    runIf(
      "6b. The same, with half of the appends from a second process",
      appendFromOtherProcess && parallelAppends(appendFromOtherProcess),
      "no second process writes to this store"
    ),
    { name: "7. An invalid append fails with InvalidAppend and writes nothing", run: invalidAppends },
    { name: "8a. A re-sent batch, or its tail, at its position is a duplicate", run: idempotentResends },
    runIf(
      "8b. Reused ids fail with DuplicateEventId, never half-written",
      strictEventIds ? reusedIds : undefined,
      "this store's event ids are not strict (case 8c)"
    ),
    runIf(
      "8c. Without strict ids, a re-send elsewhere writes new events",
      strictEventIds ? undefined : resendWritesAnew,
      "this store's event ids are strict (case 8b)"
    ),
    { name: "9. readStream honours from, to and maxCount", run: readStreamRanges },
    { name: "10. readAll pages the log in order, exclusive of `after`", run: readAllPaging },
    runIf(
      "11. An uncommitted writer's events are never skipped",
      openAppend && uncommittedWriter(openAppend),
      "no append can stay open uncommitted"
    ),
    runIf(
      "12. A rolled-back append leaves nothing visible",
      faultyAppend && rolledBackAppend(faultyAppend),
      "no fault can be injected inside an append"
    ),
    { name: "13. Subscriptions are exclusive, catch up once, then go live", run: subscriptions },
    { name: "14. Checkpoint saves compare and set their token", run: checkpointCompareAndSet },
    runIf("15. A writer killed mid-batch leaves 0 or all of it", crash && crashMidBatch(crash), "no crash harness"),
    { name: "16. A 10k-event stream reads back complete and in order", run: largeStream },
    runIf(
      "M. appendMany writes every request or none",
      multiStreamAppend ? multiStreamAppends : undefined,
      "this store has no multi-stream appends (case U)"
    ),
    runIf(
      "U. Without multi-stream appends, appendMany fails with Unsupported",
      multiStreamAppend ? undefined : unsupportedAppendMany,
      "this store has multi-stream appends (case M)"
    )
  ]
}

const runIf = (
  name: string,
  run: Effect.Effect<void, unknown, EventStore> | undefined,
  skipReason: string
): StoreContractCase => run ? { name, run } : { name, skipReason }

const { Any, Exact, NoStream, StreamExists } = ExpectedVersion

const noStreamOnNewStream = Effect.gen(function*() {
  const store = yield* EventStore
  const one = yield* store.append("case1-one", yield* newEvents(1, "one"), NoStream)
  yield* checkEqual(one, { stream: "case1-one", firstVersion: 1, lastVersion: 1, duplicate: false }, "one event")
  const batch = yield* newEvents(3, "batch")
  const three = yield* store.append("case1-batch", batch, NoStream)
  yield* checkEqual(three, { stream: "case1-batch", firstVersion: 1, lastVersion: 3, duplicate: false }, "a batch")
  const read = yield* store.readStream("case1-batch")
  yield* checkEqual(
    read.events.map(({ checkpoint, recordedAt, ...event }) => event),
    batch.map((event, index) => ({ ...event, stream: "case1-batch", version: index + 1 })),
    "the batch as read back"
  )
})

const noStreamOnExistingStream = Effect.gen(function*() {
  const store = yield* EventStore
  yield* store.append("case2", yield* newEvents(1, "first"), NoStream)
  const conflict = yield* failsWith(store.append("case2", yield* newEvents(1, "second"), NoStream), "ConcurrencyConflict")
  yield* checkEqual([conflict.stream, conflict.expected, conflict.actual], ["case2", "NoStream", 1], "the conflict")
  yield* checkEqual((yield* store.readStream("case2")).version, 1, "the stream's version")
  yield* checkEqual((yield* readLog).length, 1, "events in the log")
})

const streamExists = Effect.gen(function*() {
  const store = yield* EventStore
  const conflict = yield* failsWith(store.append("case3", yield* newEvents(1, "early"), StreamExists), "ConcurrencyConflict")
  yield* checkEqual([conflict.expected, conflict.actual], ["StreamExists", 0], "the conflict")
  yield* store.append("case3", yield* newEvents(1, "first"), NoStream)
  const appended = yield* store.append("case3", yield* newEvents(1, "second"), StreamExists)
  yield* checkEqual(appended.lastVersion, 2, "the version after StreamExists")
})

const exactVersion = Effect.gen(function*() {
  const store = yield* EventStore
  yield* store.append("case4", yield* newEvents(2, "first"), Exact(0))
  yield* checkEqual((yield* store.append("case4", yield* newEvents(1, "next"), Exact(2))).lastVersion, 3, "Exact(2) at 2")
  for (const [expected, stream, actual] of [[2, "case4", 3], [5, "case4", 3], [1, "case4-missing", 0]] as const) {
    const conflict = yield* failsWith(store.append(stream, yield* newEvents(1, "stale"), Exact(expected)), "ConcurrencyConflict")
    yield* checkEqual([conflict.expected, conflict.actual], [String(expected), actual], `Exact(${expected}) on ${stream}`)
  }
  yield* checkEqual((yield* readLog).length, 3, "events in the log")
})

const anyVersion = Effect.gen(function*() {
  const store = yield* EventStore
  yield* checkEqual((yield* store.append("case5", yield* newEvents(1, "new"), Any)).lastVersion, 1, "Any on a new stream")
  const more = yield* store.append("case5", yield* newEvents(2, "more"), Any)
  yield* checkEqual([more.firstVersion, more.lastVersion], [2, 3], "Any on an existing stream")
})

/** Half of the appends go through `other` when given, else all through the store. */
const parallelAppends = (other?: (request: AppendRequest) => Effect.Effect<AppendResult, AppendError>) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    yield* store.append("case6-existing", yield* newEvents(1, "first"), NoStream)
    for (const [stream, expected, before] of [["case6-existing", Exact(1), 1], ["case6-new", NoStream, 0]] as const) {
      const requests = yield* Effect.forEach(range(1, 8), (n) =>
        Effect.map(newEvents(2, `writer${n}`), (events): AppendRequest => ({ stream, events, expected })))
      const outcomes = yield* Effect.all(
        requests.map((request, n) =>
          Effect.result(other && n % 2 === 1 ? other(request) : store.append(request.stream, request.events, request.expected))
        ),
        { concurrency: "unbounded" }
      )
      yield* checkEqual(outcomes.filter(Result.isSuccess).length, 1, `appends to ${stream} that succeeded`)
      yield* check(
        outcomes.every((outcome) => Result.isSuccess(outcome) || outcome.failure._tag === "ConcurrencyConflict"),
        `every other append to ${stream} conflicts`
      )
      yield* checkEqual(versions((yield* store.readStream(stream)).events), range(1, before + 2), `versions of ${stream}`)
    }
  })

const invalidAppends = Effect.gen(function*() {
  const store = yield* EventStore
  const [valid] = yield* newEvents(1, "valid")
  const invalid: ReadonlyArray<readonly [string, AppendRequest]> = [
    ["an empty batch", { stream: "case7", events: [], expected: Any }],
    ["an empty stream name", { stream: "", events: [valid], expected: Any }],
    ["a reserved stream name", { stream: "$case7", events: [valid], expected: Any }],
    ["a 201-character stream name", { stream: "x".repeat(201), events: [valid], expected: Any }],
    ["a negative expected version", { stream: "case7", events: [valid], expected: Exact(-1) }],
    ["an id that is not a UUID", { stream: "case7", events: [{ ...valid, id: "event-1" }], expected: Any }],
    ["an id in upper case", { stream: "case7", events: [{ ...valid, id: valid.id.toUpperCase() }], expected: Any }],
    ["an id twice in the batch", { stream: "case7", events: [valid, valid], expected: Any }],
    ["an empty type", { stream: "case7", events: [{ ...valid, type: "" }], expected: Any }],
    ["schemaVersion 0", { stream: "case7", events: [{ ...valid, schemaVersion: 0 }], expected: Any }],
    ["schemaVersion 1.5", { stream: "case7", events: [{ ...valid, schemaVersion: 1.5 }], expected: Any }],
    // Deliberately ill-typed, as input from outside the type system may be.
    ["metadata that is not a string map", {
      stream: "case7",
      events: [{ ...valid, metadata: { attempt: 1 } as unknown as Readonly<Record<string, string>> }],
      expected: Any
    }],
    ["data that is not JSON", { stream: "case7", events: [{ ...valid, data: { count: 1n } }], expected: Any }],
    ["more than 1 MiB of JSON", { stream: "case7", events: [{ ...valid, data: "x".repeat(1024 * 1024) }], expected: Any }]
  ]
  for (const [what, request] of invalid) {
    yield* failsWith(store.append(request.stream, request.events, request.expected), "InvalidAppend").pipe(
      Effect.mapError((error) => new Error(`${what}: ${error.message}`))
    )
  }
  yield* checkEqual((yield* readLog).length, 0, "events in the log after invalid appends")
  yield* store.append("x".repeat(200), [valid], NoStream)
})

const idempotentResends = Effect.gen(function*() {
  const store = yield* EventStore
  const batch = yield* newEvents(3, "batch")
  yield* store.append("case8", batch, NoStream)
  const resends = [
    ["the batch with its expectation", batch, NoStream, 1],
    ["the batch with Exact(0)", batch, Exact(0), 1],
    ["the batch with Any", batch, Any, 1],
    ["the batch with StreamExists", batch, StreamExists, 1],
    ["its tail at its position", batch.slice(1), Exact(1), 2],
    ["its tail with Any", batch.slice(1), Any, 2]
  ] as const
  for (const [what, events, expected, first] of resends) {
    const result = yield* store.append("case8", events, expected)
    yield* checkEqual(result, { stream: "case8", firstVersion: first, lastVersion: 3, duplicate: true }, what)
  }
  yield* checkEqual(ids(yield* readLog), ids(batch), "the log after re-sends")
})

const reusedIds = Effect.gen(function*() {
  const store = yield* EventStore
  const batch = yield* newEvents(3, "batch")
  yield* store.append("case8", batch, NoStream)
  const [extra] = yield* newEvents(1, "extra")
  yield* store.append("case8", [extra], Exact(3))
  const elsewhere = yield* failsWith(store.append("case8", batch, Exact(4)), "DuplicateEventId")
  yield* checkEqual([elsewhere.stream, elsewhere.eventId], ["case8", batch[0].id], "a re-send at another position")
  yield* failsWith(store.append("case8", [batch[1], batch[0]], Any), "DuplicateEventId")
  const [fresh] = yield* newEvents(1, "fresh")
  const overlap = [batch[2], fresh]
  yield* failsWith(store.append("case8", overlap, Exact(2)), "ConcurrencyConflict")
  yield* failsWith(store.append("case8", overlap, Any), "DuplicateEventId")
  yield* checkEqual(ids((yield* store.readStream("case8")).events), ids([...batch, extra]), "the stream afterwards")
  yield* checkEqual((yield* readLog).length, 4, "events in the log")
})

const resendWritesAnew = Effect.gen(function*() {
  const store = yield* EventStore
  const batch = yield* newEvents(2, "batch")
  yield* store.append("case8", batch, NoStream)
  const again = yield* store.append("case8", batch, Exact(2))
  yield* checkEqual(again, { stream: "case8", firstVersion: 3, lastVersion: 4, duplicate: false }, "the re-send")
})

const readStreamRanges = Effect.gen(function*() {
  const store = yield* EventStore
  yield* checkEqual(yield* store.readStream("case9"), { exists: false, version: 0, events: [] }, "a missing stream")
  yield* store.append("case9", yield* newEvents(10, "event"), NoStream)
  const ranges = [
    [{}, 1, 10],
    [{ from: 4 }, 4, 10],
    [{ to: 3 }, 1, 3],
    [{ from: 3, to: 6 }, 3, 6],
    [{ maxCount: 2 }, 1, 2],
    [{ from: 5, maxCount: 3 }, 5, 7],
    [{ from: 8, maxCount: 10 }, 8, 10],
    [{ from: 2, to: 9, maxCount: 3 }, 2, 4],
    [{ from: 11 }, 11, 10]
  ] as const
  for (const [options, first, last] of ranges) {
    const slice = yield* store.readStream("case9", options)
    yield* checkEqual([slice.exists, slice.version], [true, 10], `the stream read with ${JSON.stringify(options)}`)
    yield* checkEqual(versions(slice.events), range(first, last), `versions read with ${JSON.stringify(options)}`)
  }
})

const readAllPaging = Effect.gen(function*() {
  const store = yield* EventStore
  const appended: Array<string> = []
  for (const [stream, count] of [["a", 3], ["b", 2], ["a", 2], ["c", 4], ["b", 1], ["a", 5], ["c", 3]] as const) {
    const events = yield* newEvents(count, stream)
    yield* store.append(`case10-${stream}`, events, Any)
    appended.push(...ids(events))
  }
  const full = yield* store.readAll(Start, 10_000)
  yield* checkEqual(ids(full.events), appended, "one full read")
  yield* checkEqual([full.atEnd, full.next], [true, full.events[19].checkpoint], "the end of a full read")
  yield* check(
    full.events.every((event, index) => index === 0 || full.events[index - 1].checkpoint < event.checkpoint),
    "checkpoints strictly increase"
  )
  const lastVersions = new Map<string, number>()
  for (const event of full.events) {
    yield* checkEqual(event.version, (lastVersions.get(event.stream) ?? 0) + 1, `the next version of ${event.stream}`)
    lastVersions.set(event.stream, event.version)
  }
  const paged: Array<string> = []
  let after = Start
  for (const expected of [{ size: 7, atEnd: false }, { size: 7, atEnd: false }, { size: 6, atEnd: true }]) {
    const page = yield* store.readAll(after, 7)
    yield* checkEqual([page.events.length, page.atEnd], [expected.size, expected.atEnd], `the page after ${after}`)
    yield* check(after === Start || page.events[0].checkpoint > after, `the page after ${after} excludes it`)
    yield* checkEqual(page.next, page.events[page.events.length - 1].checkpoint, "a page's next checkpoint")
    paged.push(...ids(page.events))
    after = page.next
  }
  yield* checkEqual(paged, appended, "paged reads")
  for (const index of [0, 5, 18]) {
    const page = yield* store.readAll(full.events[index].checkpoint, 3)
    yield* checkEqual(ids(page.events), appended.slice(index + 1, index + 4), `the page after event ${index}`)
  }
  const past = yield* store.readAll(full.next)
  yield* checkEqual([past.events.length, past.next, past.atEnd], [0, full.next, true], "a read past the end")
})

const uncommittedWriter = (openAppend: OpenAppend) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    yield* store.append("case11-earlier", yield* newEvents(1, "earlier"), NoStream)
    let after = (yield* store.readAll(Start)).next
    const delivered: Array<string> = []
    const poll = Effect.gen(function*() {
      for (let atEnd = false; !atEnd;) {
        const page = yield* store.readAll(after, 2)
        delivered.push(...ids(page.events))
        after = page.next
        atEnd = page.atEnd
      }
    })
    const slow = yield* newEvents(3, "slow")
    const fast = yield* newEvents(2, "fast")
    const appendFast = store.append("case11-fast", fast, NoStream)
    yield* Effect.scoped(Effect.gen(function*() {
      const open = yield* openAppend.begin({ stream: "case11-slow", events: slow, expected: NoStream })
      if (openAppend.concurrent) yield* appendFast
      yield* poll
      yield* check(!delivered.some((id) => ids(slow).includes(id)), "uncommitted events were read")
      yield* open.commit
    }))
    if (!openAppend.concurrent) yield* appendFast
    yield* poll
    yield* checkEqual([...delivered].sort(), ids([...slow, ...fast]).sort(), "events read, each once")
  })

const rolledBackAppend = (faultyAppend: NonNullable<StoreContractHarness["faultyAppend"]>) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const [first] = yield* newEvents(1, "first")
    yield* store.append("case12", [first], NoStream)
    const doomed = yield* newEvents(2, "doomed")
    const exit = yield* Effect.exit(faultyAppend({ stream: "case12", events: doomed, expected: Exact(1) }))
    yield* check(Exit.isFailure(exit), "the faulty append reported success")
    yield* checkEqual(ids((yield* store.readStream("case12")).events), [first.id], "the stream after the rollback")
    yield* checkEqual(ids(yield* readLog), [first.id], "the log after the rollback")
    const [later] = yield* newEvents(1, "later")
    yield* store.append("case12", [later], Exact(1))
    const retried = yield* store.append("case12", doomed, Exact(2))
    yield* checkEqual([retried.firstVersion, retried.duplicate], [3, false], "the rolled-back events, sent again")
    yield* checkEqual(ids(yield* readLog), ids([first, later, ...doomed]), "the log afterwards")
  })

const subscriptions = Effect.gen(function*() {
  const store = yield* EventStore
  const early = yield* newEvents(2, "early")
  yield* store.append("case13", early, NoStream)
  yield* Effect.scoped(Effect.gen(function*() {
    const items = yield* follow(Start)
    const caughtUp = yield* untilCaughtUp(items)
    yield* checkEqual(ids(caughtUp.events), ids(early), "catch-up from start")
    yield* checkEqual(caughtUp.checkpoint, caughtUp.events[1].checkpoint, "the CaughtUp checkpoint")
    yield* expectLive(items, "case13", yield* newEvents(2, "live from start"))
  }))
  yield* Effect.scoped(Effect.gen(function*() {
    const items = yield* follow(End)
    yield* checkEqual((yield* untilCaughtUp(items)).events, [], "catch-up from end")
    yield* expectLive(items, "case13", yield* newEvents(2, "live from end"))
  }))
  const log = yield* readLog
  yield* Effect.scoped(Effect.gen(function*() {
    const caughtUp = yield* untilCaughtUp(yield* follow(log[0].checkpoint))
    yield* checkEqual(ids(caughtUp.events), ids(log.slice(1)), "catch-up from a checkpoint excludes it")
    yield* checkEqual(caughtUp.checkpoint, log[5].checkpoint, "the CaughtUp checkpoint")
  }))
  // A consumer saves after each event it handled, stops, and resumes from what it saved.
  yield* Effect.scoped(Effect.gen(function*() {
    let token = Option.none<string>()
    for (const event of (yield* untilCaughtUp(yield* follow(Start))).events) {
      token = Option.some(yield* store.checkpoints.save("case13", event.checkpoint, token))
    }
  }))
  const missed = yield* newEvents(2, "missed")
  yield* store.append("case13", missed, Any)
  const saved = yield* present(yield* store.checkpoints.load("case13"), "the saved checkpoint")
  yield* Effect.scoped(Effect.gen(function*() {
    const items = yield* follow(saved.checkpoint)
    yield* checkEqual(ids((yield* untilCaughtUp(items)).events), ids(missed), "events after a restart")
    yield* expectLive(items, "case13", yield* newEvents(2, "live after restart"))
  }))
})

const checkpointCompareAndSet = Effect.gen(function*() {
  const store = yield* EventStore
  const { load, save } = store.checkpoints
  yield* store.append("case14", yield* newEvents(2, "event"), NoStream)
  const [older, newer] = (yield* readLog).map((event) => event.checkpoint)
  yield* check(Option.isNone(yield* load("case14")), "a new consumer has no checkpoint")
  yield* save("case14", older, Option.none())
  const lost = yield* failsWith(save("case14", older, Option.none()), "CheckpointMismatch")
  yield* checkEqual(lost.consumer, "case14", "the mismatch's consumer")
  const { token } = yield* present(yield* load("case14"), "the first save")
  const outcomes = yield* Effect.all(
    [save("case14", newer, Option.some(token)), save("case14", newer, Option.some(token))].map(Effect.result),
    { concurrency: "unbounded" }
  )
  const winners = outcomes.filter(Result.isSuccess)
  yield* checkEqual(winners.length, 1, "saves from the same token that succeeded")
  yield* check(
    outcomes.some((outcome) => Result.isFailure(outcome) && outcome.failure._tag === "CheckpointMismatch"),
    "the other save fails with CheckpointMismatch"
  )
  const current = yield* present(yield* load("case14"), "the winning save")
  yield* checkEqual(current, { checkpoint: newer, token: winners[0].success }, "the checkpoint after the race")
  const rewound = yield* save("case14", older, Option.some(current.token))
  yield* checkEqual(yield* load("case14"), Option.some({ checkpoint: older, token: rewound }), "an older checkpoint")
  yield* failsWith(save("case14", newer, Option.some(current.token)), "CheckpointMismatch")
})

const crashMidBatch = (crash: CrashHarness) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    yield* store.append("case15-before", yield* newEvents(1, "before"), NoStream)
    yield* store.checkpoints.save("case15", (yield* store.readAll(Start)).next, Option.none())
    const batch = yield* newEvents(1_000, "batch")
    yield* crash.crashWriter({ stream: "case15-batch", events: batch, expected: NoStream })
    yield* crash.reopen(Effect.gen(function*() {
      const reopened = yield* EventStore
      const written = yield* reopened.readStream("case15-batch")
      const count = written.events.length
      yield* check(count === 0 || count === batch.length, `the crashed batch left ${count} events`)
      yield* checkEqual(written.version, count, "the crashed stream's version")
      yield* checkEqual(ids(written.events), ids(batch.slice(0, count)), "the crashed stream")
      yield* checkEqual((yield* readLog).length, 1 + count, "events in the log")
      const saved = yield* present(yield* reopened.checkpoints.load("case15"), "the saved checkpoint")
      yield* Effect.scoped(Effect.gen(function*() {
        const items = yield* follow(saved.checkpoint)
        yield* checkEqual(ids((yield* untilCaughtUp(items)).events), ids(written.events), "events after the checkpoint")
        yield* expectLive(items, "case15-after", yield* newEvents(2, "after"))
      }))
    }))
  })

const largeStream = Effect.gen(function*() {
  const store = yield* EventStore
  const appended: Array<string> = []
  for (let batch = 0; batch < 10; batch++) {
    const events = yield* newEvents(1_000, `batch${batch}`)
    yield* store.append("case16", events, Exact(batch * 1_000))
    appended.push(...ids(events))
  }
  const read = yield* store.readStream("case16")
  yield* checkEqual(ids(read.events), appended, "the 10k-event stream")
  yield* checkEqual(versions(read.events), range(1, 10_000), "its versions")
  yield* store.append("case16-other", yield* newEvents(1, "other"), NoStream)
  const defaultPage = yield* store.readAll(Start)
  yield* checkEqual([defaultPage.events.length, defaultPage.atEnd], [1_000, false], "readAll's default page")
  const largest = yield* store.readAll(Start, 20_000)
  yield* checkEqual([largest.events.length, largest.atEnd], [10_000, false], "readAll's largest page")
})

const multiStreamAppends = Effect.gen(function*() {
  const store = yield* EventStore
  const requests: Array<AppendRequest> = [
    { stream: "caseM-a", events: yield* newEvents(2, "a"), expected: NoStream },
    { stream: "caseM-b", events: yield* newEvents(1, "b"), expected: NoStream },
    { stream: "caseM-c", events: yield* newEvents(3, "c"), expected: NoStream }
  ]
  const results = yield* store.appendMany(requests)
  yield* checkEqual(results.map((result) => [result.stream, result.lastVersion, result.duplicate]),
    [["caseM-a", 2, false], ["caseM-b", 1, false], ["caseM-c", 3, false]], "the results")
  const again = yield* store.appendMany(requests)
  yield* check(again.every((result) => result.duplicate), "a re-sent appendMany is a duplicate")
  const conflict = yield* failsWith(
    store.appendMany([
      { stream: "caseM-a", events: yield* newEvents(1, "a"), expected: Exact(2) },
      { stream: "caseM-b", events: yield* newEvents(1, "b"), expected: Exact(0) },
      { stream: "caseM-c", events: yield* newEvents(1, "c"), expected: Any }
    ]),
    "ConcurrencyConflict"
  )
  yield* checkEqual(conflict.stream, "caseM-b", "the conflicting stream")
  yield* failsWith(store.appendMany([requests[0], { ...requests[0], events: yield* newEvents(1, "a") }]), "InvalidAppend")
  yield* checkEqual(ids(yield* readLog), ids(requests.flatMap((request) => request.events)), "the log")
})

const unsupportedAppendMany = Effect.gen(function*() {
  const store = yield* EventStore
  yield* failsWith(
    store.appendMany([
      { stream: "caseU-a", events: yield* newEvents(1, "a"), expected: NoStream },
      { stream: "caseU-b", events: yield* newEvents(1, "b"), expected: NoStream }
    ]),
    "Unsupported"
  )
  yield* checkEqual((yield* readLog).length, 0, "events in the log")
})

// Fixtures and helpers.

const newEvents = (count: number, label: string): Effect.Effect<ReadonlyArray<NewEvent>> =>
  Effect.forEach(range(1, count), (n) =>
    Effect.map(uuidV7, (id) => ({ id, type: "ContractTested", schemaVersion: 1, data: { label, n }, metadata: { label } })))

const range = (first: number, last: number): Array<number> =>
  Array.from({ length: Math.max(last - first + 1, 0) }, (_, index) => first + index)

const ids = (events: ReadonlyArray<{ readonly id: string }>) => events.map((event) => event.id)

const versions = (events: ReadonlyArray<RecordedEvent>) => events.map((event) => event.version)

/** The whole global log, read page by page. */
const readLog = Effect.gen(function*() {
  const store = yield* EventStore
  const events: Array<RecordedEvent> = []
  for (let after = Start, atEnd = false; !atEnd;) {
    const page = yield* store.readAll(after)
    events.push(...page.events)
    after = page.next
    atEnd = page.atEnd
  }
  return events
})

type Items = Queue.Dequeue<SubscriptionItem, StoreUnavailable | Cause.Done>

/** A subscription's items, as a queue that lives as long as the scope. */
const follow = (from: Checkpoint): Effect.Effect<Items, never, EventStore | Scope.Scope> =>
  Effect.flatMap(Effect.service(EventStore), (store) => Stream.toQueue(store.subscribe(from), { capacity: "unbounded" }))

/** The catch-up: events up to the one `CaughtUp`, and its checkpoint. */
const untilCaughtUp = Effect.fnUntraced(function*(items: Items) {
  const events: Array<RecordedEvent> = []
  for (;;) {
    const item = yield* Queue.take(items)
    if (item._tag === "CaughtUp") return { events, checkpoint: item.checkpoint }
    events.push(item.event)
  }
})

/**
 * Appends `events` one at a time, each of which must be the next item: a subscription emits
 * `CaughtUp` once, so none may come between.
 */
const expectLive = Effect.fnUntraced(function*(items: Items, stream: string, events: ReadonlyArray<NewEvent>) {
  const store = yield* EventStore
  for (const event of events) {
    yield* store.append(stream, [event], Any)
    const item = yield* Queue.take(items)
    yield* checkEqual(item._tag === "Event" ? item.event.id : item, event.id, "the next live item")
  }
})
