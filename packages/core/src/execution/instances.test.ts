import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import { RegionsService } from "../application/directories.ts"
import { saveHosts } from "../application/hosts.ts"
import { scheduleInstall } from "../application/install.ts"
import { ReadModels } from "../application/read-models.ts"
import type { Views } from "../application/read-models.ts"
import { jobRow } from "../install/job-row.ts"
import { formatLocalTime } from "../shared/time.ts"
import { EventStore, StoreUnavailable } from "../store/event-store.ts"
import { EmbeddedDomain, NoSecrets } from "../testing/embedded-domain.ts"
import type { DeviceOutcome } from "./device-gateway.ts"
import { DeviceGateway } from "./device-gateway.ts"
import { claimJob, leaseExpired } from "./executor.ts"
import { runScheduler } from "./scheduler.ts"
import type { SchedulerOptions } from "./scheduler.ts"

/**
 * Several server instances on one store (ARCHITECTURE.md, claims): each instance is a scheduler
 * with a read model of its own over the same in-memory store, and time is the TestClock's.
 */

const LEASE_MS = 30_000

const shared = (instance: string, concurrency: number): SchedulerOptions => ({ concurrency, instance, leaseMs: LEASE_MS, soleInstance: false })

/** Read models of another server instance: the same store, folded apart. */
const otherInstanceModels = Effect.provide(Effect.gen(function*() {
  return yield* ReadModels
}), Layer.fresh(ReadModels.layer))

/**
 * A fleet whose every job takes `jobMs`; it counts the runs of each job, notes the jobs stopped
 * before their end, and notes a host running two jobs at once.
 */
const slowFleet = (jobMs: number) => {
  const runs = new Map<number, number>()
  const stopped = new Set<number>()
  const busy = new Set<string>()
  let overlapped = false
  const layer = Layer.succeed(DeviceGateway, DeviceGateway.of({
    run: (job) =>
      Effect.gen(function*() {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1)
        if (busy.has(job.target.hostname)) overlapped = true
        busy.add(job.target.hostname)
        yield* Effect.sleep(jobMs).pipe(
          Effect.onInterrupt(() => Effect.sync(() => stopped.add(job.id))),
          Effect.ensuring(Effect.sync(() => busy.delete(job.target.hostname)))
        )
        return { _tag: "Completed", packageChanges: [], warnings: [] } satisfies DeviceOutcome
      })
  }))
  return { layer, runs, stopped, overlapped: () => overlapped }
}

const hostsNamed = (names: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    yield* RegionsService.save([{ region_name: "Lab" }], "admin")
    yield* saveHosts(names.map((hostname) => ({ hostname, region: "Lab", connection_type: "telnet", ts_or_ip: "10.0.0.1" })), "admin")
  })

/** The jobs as `GET /install` shows them, from one instance's read model. */
const rowsOf = (views: Views) => [...views.jobs.all()].map((job) => jobRow(views.jobs, job, undefined))

/** Moves the clock on in steps of `stepMs` until `done` holds in `views`, at most `maxSteps` times. */
const advanceUntil = (views: Views, done: (views: Views) => boolean, stepMs: number, maxSteps: number) =>
  Effect.gen(function*() {
    const { catchUp } = yield* ReadModels
    for (let step = 0; step < maxSteps; step++) {
      yield* catchUp
      if (done(views)) return true
      yield* TestClock.adjust(stepMs)
    }
    yield* catchUp
    return done(views)
  })

describe("several server instances on one store", () => {
  it.effect("run every job exactly once, a host never runs two jobs at once, and both answer alike", () => {
    const fleet = slowFleet(1_000)
    return Effect.gen(function*() {
      const hosts = Array.from({ length: 8 }, (_, i) => `R${i}`)
      yield* hostsNamed(hosts)
      // Two chains per host, from two requests a minute apart: nothing but the host's claims
      // keeps the second chain's jobs off a host while the first one's run.
      for (const at of [0, 60_000]) {
        const time = { scheduled_time: formatLocalTime(at, 0), utc_offset: "+00:00" }
        const plan = yield* scheduleInstall(hosts.flatMap((hostname) => [
          { hostname, install_action: "Pre-Upgrade", ...time },
          { hostname, install_action: "Post-Upgrade", ...time }
        ]), "operator")
        assert.strictEqual(plan._tag, "Planned", JSON.stringify(plan))
      }
      const { views } = yield* ReadModels
      const other = yield* otherInstanceModels
      yield* Effect.forkChild(Effect.provideService(runScheduler(shared("B", 3)), ReadModels, other))
      const a = yield* Effect.forkChild(runScheduler(shared("A", 3)))

      const finished = yield* advanceUntil(views, (v) => [...v.jobs.all()].every((job) => job.status === "completed"), 1_000, 200)
      assert.isTrue(finished, JSON.stringify(rowsOf(views)))
      assert.strictEqual(fleet.runs.size, 32)
      assert.isTrue([...fleet.runs.values()].every((count) => count === 1), "no job runs twice")
      assert.isFalse(fleet.overlapped(), "a host never runs two jobs at once")
      const by = (instance: string) => [...views.jobs.all()].filter((job) => job.instance === instance).length
      assert.isTrue(by("A") > 0 && by("B") > 0, `both instances ran jobs: A ${by("A")}, B ${by("B")}`)
      yield* (yield* ReadModels).catchUp
      yield* other.catchUp
      assert.deepStrictEqual(rowsOf(other.views), rowsOf(views))
      yield* Fiber.interrupt(a)
    }).pipe(Effect.provide(Layer.mergeAll(EmbeddedDomain, NoSecrets, fleet.layer)))
  })

  it.effect("fail the jobs of an instance that stops renewing its lease, one lease later, and run the rest", () => {
    const fleet = slowFleet(10 * LEASE_MS)
    return Effect.gen(function*() {
      yield* hostsNamed(["R1", "R2", "R3"])
      yield* scheduleInstall([
        { hostname: "R1", install_action: "Pre-Upgrade" },
        { hostname: "R1", install_action: "Post-Upgrade" },
        { hostname: "R2", install_action: "Pre-Upgrade" }
      ], "operator")
      // Due once the other instance is gone.
      yield* scheduleInstall([{ hostname: "R3", install_action: "Pre-Upgrade", scheduled_time: formatLocalTime(5 * LEASE_MS, 0), utc_offset: "+00:00" }], "operator")
      const { views } = yield* ReadModels
      const b = yield* Effect.forkChild(Effect.provideService(runScheduler(shared("B", 10)), ReadModels, yield* otherInstanceModels))
      assert.isTrue(yield* advanceUntil(views, (v) => v.jobs.runningCount === 2, 0, 100), "instance B started the due jobs")
      const a = yield* Effect.forkChild(runScheduler(shared("A", 10)))

      // B renews every third of the lease: however long its jobs take, A leaves them alone.
      for (let third = 0; third < 6; third++) yield* TestClock.adjust(LEASE_MS / 3)
      yield* (yield* ReadModels).catchUp
      assert.deepStrictEqual([1, 3].map((id) => views.jobs.get(id)?.status), ["in-progress", "in-progress"])

      // B stops right after a renewal, as a killed process would.
      yield* Fiber.interrupt(b)
      yield* TestClock.adjust(LEASE_MS / 2)
      yield* (yield* ReadModels).catchUp
      assert.strictEqual(views.jobs.get(1)?.status, "in-progress", "half a lease later its jobs still count as running")
      const failed = yield* advanceUntil(views, (v) => v.jobs.get(1)?.status === "failed" && v.jobs.get(3)?.status === "failed", LEASE_MS / 6, 4)
      assert.isTrue(failed, "a whole lease later its jobs have failed")
      assert.strictEqual(views.jobs.get(1)?.statusMessage, leaseExpired(LEASE_MS))
      assert.strictEqual(jobRow(views.jobs, views.jobs.get(2)!, undefined).status_message, "Blocked: dependency job 1 failed.")

      const rest = yield* advanceUntil(views, (v) => v.jobs.get(4)?.status === "completed", LEASE_MS, 20)
      assert.isTrue(rest, "the remaining instance runs the job that became due")
      assert.strictEqual(views.jobs.get(4)?.instance, "A")
      assert.deepStrictEqual([...fleet.runs.keys()].sort(), [1, 3, 4])
      yield* Fiber.interrupt(a)
    }).pipe(Effect.provide(Layer.mergeAll(EmbeddedDomain, NoSecrets, fleet.layer)))
  })

  it.effect("lose a claim decided on a stale read model, of the same job or of another job of the same host", () =>
    Effect.gen(function*() {
      yield* hostsNamed(["R1"])
      for (const at of [0, 60_000]) {
        yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade", scheduled_time: formatLocalTime(at, 0), utc_offset: "+00:00" }], "operator")
      }
      const { views } = yield* ReadModels
      const other = yield* otherInstanceModels
      const [first, second] = [other.views.jobs.get(1)!, other.views.jobs.get(2)!]
      assert.deepStrictEqual([first.status, second.status], ["scheduled", "scheduled"], "B sees both jobs waiting and R1 idle")

      assert.isTrue(yield* claimJob(views.jobs.get(1)!, "A"))
      const asB = <A, E, R>(program: Effect.Effect<A, E, R>) => Effect.provideService(program, ReadModels, other)
      assert.isFalse(yield* asB(claimJob(second, "B")), "R1 runs job 1 already")
      assert.isFalse(yield* asB(claimJob(first, "B")), "job 1 is claimed already")
      yield* other.catchUp
      assert.deepStrictEqual([other.views.jobs.get(1)?.instance, other.views.jobs.get(2)?.status], ["A", "scheduled"])
    }).pipe(Effect.provide(Layer.mergeAll(EmbeddedDomain, NoSecrets))))

  it.effect("stop their own jobs when they cannot renew their lease, before the others fail them", () => {
    const fleet = slowFleet(10 * LEASE_MS)
    const outage = { on: false }
    // Instance B's writes fail while the outage lasts; A and the test write as usual.
    const cutOff = Effect.gen(function*() {
      const store = yield* EventStore
      const down = Effect.fail(new StoreUnavailable({ cause: new Error("connection reset"), outcome: "not-written" }))
      return EventStore.of({
        ...store,
        append: (stream, events, expected) => outage.on ? down : store.append(stream, events, expected),
        appendMany: (requests) => outage.on ? down : store.appendMany(requests)
      })
    })
    return Effect.gen(function*() {
      yield* hostsNamed(["R1", "R2"])
      yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade" }, { hostname: "R2", install_action: "Pre-Upgrade" }], "operator")
      const { views } = yield* ReadModels
      const other = yield* otherInstanceModels
      const b = Effect.provideService(Effect.provideService(runScheduler(shared("B", 10)), ReadModels, other), EventStore, yield* cutOff)
      yield* Effect.forkChild(b)
      assert.isTrue(yield* advanceUntil(views, (v) => v.jobs.runningCount === 2, 0, 100), "instance B started both jobs")

      outage.on = true
      yield* TestClock.adjust(LEASE_MS / 2)
      assert.deepStrictEqual([...fleet.stopped], [], "one missed renewal: B goes on")
      yield* TestClock.adjust(LEASE_MS / 2 - 1)
      assert.deepStrictEqual([...fleet.stopped].sort(), [1, 2], "before a whole lease has passed, B has stopped its jobs")
    }).pipe(Effect.provide(Layer.mergeAll(EmbeddedDomain, NoSecrets, fleet.layer)))
  })
})
