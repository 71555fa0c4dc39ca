import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { RegionsService, ServerRepositoriesService } from "../application/directories.ts"
import { deleteHost, saveHosts } from "../application/hosts.ts"
import { scheduleInstall } from "../application/install.ts"
import { ReadModels } from "../application/read-models.ts"
import { findHost } from "../hosts/projection.ts"
import { jobRow } from "../install/job-row.ts"
import { formatLocalTime } from "../shared/time.ts"
import { EventStore, StoreUnavailable } from "../store/event-store.ts"
import { MemoryEventStore } from "../store/memory-event-store.ts"
import { awaitViews, EmbeddedDomain, NoSecrets } from "../testing/embedded-domain.ts"
import type { DeviceJob, DeviceOutcome } from "./device-gateway.ts"
import { DeviceGateway } from "./device-gateway.ts"
import { claimJob, INTERRUPTED_BY_RESTART } from "./executor.ts"
import { runScheduler } from "./scheduler.ts"
import type { SchedulerOptions } from "./scheduler.ts"
import { sessionLogStream } from "./session-log-events.ts"

const HOUR = 3_600_000

/**
 * A scripted router fleet: each job reports a status and a log line, then ends as `script` says.
 * It records the order jobs ran in and fails the test's assertions if one host ever runs two jobs.
 */
const scriptedGateway = (script: (job: DeviceJob) => DeviceOutcome) => {
  const ran: Array<string> = []
  const busy = new Set<string>()
  let overlapped = false
  const layer = Layer.succeed(DeviceGateway, DeviceGateway.of({
    run: (job, report) =>
      Effect.gen(function*() {
        if (busy.has(job.target.hostname)) overlapped = true
        busy.add(job.target.hostname)
        ran.push(`${job.target.hostname} ${job.action}`)
        yield* report({ _tag: "Status", message: "Connecting to device" })
        yield* report({ _tag: "Log", file: "session.log", text: `${job.target.hostname}#${job.action}\n` })
        // Let other fibers run, as a real session would while it waits on the device.
        yield* Effect.yieldNow
        busy.delete(job.target.hostname)
        return script(job)
      })
  }))
  return { layer, ran, overlapped: () => overlapped }
}

const facts = { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.3" }

const completed = (job: DeviceJob): DeviceOutcome => ({
  _tag: "Completed",
  packageChanges: job.packages,
  warnings: [],
  facts,
  packages: { active: [], inactive: [], committed: [] }
})

const chain = (hostname: string, scheduled_time: string, utc_offset: string) =>
  ["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"].map((install_action) => ({
    hostname,
    install_action,
    scheduled_time,
    utc_offset,
    ...(install_action === "Add" && { server_repository: "Repo", software_packages: "asr9k-px-5.3.3.CSCuz05961.pie" }),
    ...(install_action === "Activate" && { software_packages: "asr9k-px-5.3.3.CSCuz05961.pie" })
  }))

const setUp = Effect.gen(function*() {
  yield* ServerRepositoriesService.save([{ hostname: "Repo", server_type: "LOCAL", device_path: "disk0:" }], "admin")
  yield* RegionsService.save([{ region_name: "Lab", server_repositories: ["Repo"] }], "admin")
  const saved = yield* saveHosts(["R1", "R2"].map((hostname) => ({
    hostname,
    region: "Lab",
    connection_type: "ssh",
    ts_or_ip: "127.0.0.1"
  })), "admin")
  assert.isTrue(saved.every((row) => row.failure === undefined), JSON.stringify(saved))
})

const domain = (gateway: Layer.Layer<DeviceGateway>) => Layer.mergeAll(EmbeddedDomain, NoSecrets, gateway)

const LEASE_MS = 30_000

/** The options of a server that is its store's only instance. */
const sole = (concurrency: number): SchedulerOptions => ({ concurrency, instance: "A", leaseMs: LEASE_MS, soleInstance: true })

describe("the scheduler", () => {
  it.effect("runs each chain at its time, in dependency order, one job per host; a failure blocks its dependents", () => {
    const fleet = scriptedGateway((job) =>
      job.target.hostname === "R2" && job.action === "Activate"
        ? { _tag: "Failed", message: "Operation 37 failed", warnings: ["WARNING: [Install Activate] already active"] }
        : completed(job)
    )
    return Effect.gen(function*() {
      yield* setUp
      const at = formatLocalTime(HOUR, 0)
      const plan = yield* scheduleInstall([...chain("R1", at, "+00:00"), ...chain("R2", at, "+00:00")], "operator")
      assert.strictEqual(plan._tag, "Planned")

      const scheduler = yield* Effect.forkChild(runScheduler(sole(100)))
      const { views } = yield* ReadModels
      yield* TestClock.adjust(HOUR - 60_000)
      yield* Effect.yieldNow
      assert.deepStrictEqual(fleet.ran, [], "nothing runs before its scheduled time")

      yield* TestClock.adjust(60_000)
      yield* awaitViews((v) => [...v.jobs.all()].every((job) => job.status !== "in-progress") &&
        [...v.jobs.withStatus("completed")].length === 7)

      const order = (host: string) => fleet.ran.filter((line) => line.startsWith(host))
      assert.deepStrictEqual(order("R1"), ["Pre-Upgrade", "Add", "Activate", "Post-Upgrade", "Commit"].map((a) => `R1 ${a}`))
      assert.deepStrictEqual(order("R2"), ["Pre-Upgrade", "Add", "Activate"].map((a) => `R2 ${a}`))
      assert.isFalse(fleet.overlapped(), "a host never runs two jobs at once")

      const r2 = [...views.jobs.ofHost("R2")].sort((a, b) => a.id - b.id)
      const activate = r2.find((job) => job.action === "Activate")!
      assert.strictEqual(activate.status, "failed")
      assert.strictEqual(activate.statusMessage, "Operation 37 failed")
      const postUpgrade = r2.find((job) => job.action === "Post-Upgrade")!
      assert.strictEqual(postUpgrade.status, "scheduled")
      assert.strictEqual(jobRow(views.jobs, postUpgrade, undefined).status_message, `Blocked: dependency job ${activate.id} failed.`)

      assert.deepStrictEqual(findHost(views.hosts, "R1")?.facts, facts, "a completed job records the host's facts")
      const logs = yield* (yield* EventStore).readStream(sessionLogStream(activate.id))
      assert.strictEqual(logs.events.length, 1)
      yield* Fiber.interrupt(scheduler)
    }).pipe(Effect.provide(domain(fleet.layer)))
  })

  it.effect("never runs more jobs at once than the concurrency limit", () => {
    let running = 0
    let peak = 0
    const gateway = Layer.succeed(DeviceGateway, DeviceGateway.of({
      run: (job) =>
        Effect.gen(function*() {
          peak = Math.max(peak, ++running)
          yield* Effect.sleep(1_000)
          running--
          return completed(job)
        })
    }))
    return Effect.gen(function*() {
      yield* setUp
      const hosts = Array.from({ length: 6 }, (_, i) => `H${i}`)
      yield* saveHosts(hosts.map((hostname) => ({ hostname, region: "Lab", connection_type: "telnet", ts_or_ip: "10.0.0.1" })), "admin")
      yield* scheduleInstall(hosts.map((hostname) => ({ hostname, install_action: "Pre-Upgrade" })), "operator")
      const scheduler = yield* Effect.forkChild(runScheduler(sole(2)))
      for (let round = 0; round < 3; round++) {
        yield* awaitViews((v) => v.jobs.runningCount === 2)
        yield* TestClock.adjust(1_000)
      }
      yield* awaitViews((v) => [...v.jobs.withStatus("completed")].length === 6)
      assert.strictEqual(peak, 2)
      yield* Fiber.interrupt(scheduler)
    }).pipe(Effect.provide(domain(gateway)))
  })

  it.effect("fails the jobs a previous run left in progress, saying a restart interrupted them", () => {
    const fleet = scriptedGateway(completed)
    return Effect.gen(function*() {
      yield* setUp
      yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade" }], "operator")
      const { views: before } = yield* ReadModels
      const job = before.jobs.get(1)!
      assert.isTrue(yield* claimJob(job, "previous-run"), "the claim of a due job succeeds")
      assert.isFalse(yield* claimJob(job, "previous-run"), "a job is claimed once")

      const scheduler = yield* Effect.forkChild(runScheduler(sole(10)))
      yield* awaitViews((v) => v.jobs.get(1)?.status === "failed")
      const { views } = yield* ReadModels
      assert.strictEqual(views.jobs.get(1)?.statusMessage, INTERRUPTED_BY_RESTART)
      assert.deepStrictEqual(fleet.ran, [], "an interrupted job is not run again")
      yield* Fiber.interrupt(scheduler)
    }).pipe(Effect.provide(domain(fleet.layer)))
  })

  it.effect("deleting a host deletes its scheduled jobs, which then never run", () => {
    const fleet = scriptedGateway(completed)
    return Effect.gen(function*() {
      yield* setUp
      const plan = yield* scheduleInstall([{ hostname: "R1", install_action: "Commit" }], "operator")
      assert.strictEqual(plan._tag, "Planned")
      const deleted = yield* deleteHost("r1", "admin")
      assert.deepStrictEqual(deleted, Result.succeed("R1"), "the host is found case-insensitively and named as stored")
      const { views } = yield* ReadModels
      assert.strictEqual(views.jobs.get(1), undefined)
      assert.isTrue(views.jobs.wasDeleted(1))
      const scheduler = yield* Effect.forkChild(runScheduler(sole(10)))
      yield* TestClock.adjust(HOUR)
      yield* Effect.yieldNow
      assert.deepStrictEqual(fleet.ran, [])
      yield* Fiber.interrupt(scheduler)
    }).pipe(Effect.provide(domain(fleet.layer)))
  })

  it.effect("hands a Post-Upgrade the captures of the host's last completed Pre-Upgrade, read from its session logs", () => {
    const seen: Array<DeviceJob> = []
    const gateway = Layer.succeed(DeviceGateway, DeviceGateway.of({
      run: (job, report) =>
        Effect.gen(function*() {
          seen.push(job)
          const dir = `${job.target.hostname}-${job.id}`
          yield* report({ _tag: "Log", file: `${dir}/session.log`, text: "RP/0/RSP0/CPU0:R1#\n" })
          if (job.action === "Pre-Upgrade") {
            yield* report({ _tag: "Log", file: `${dir}/show-running-config.txt`, text: `hostname R1 ${job.id}\n` })
          }
          return completed(job)
        })
    }))
    return Effect.gen(function*() {
      yield* setUp
      const row = (install_action: string, minutes: number) =>
        ({ hostname: "R1", install_action, scheduled_time: formatLocalTime(minutes * 60_000, 0), utc_offset: "+00:00" })
      for (const [action, minutes] of [["Post-Upgrade", 1], ["Pre-Upgrade", 2], ["Pre-Upgrade", 3], ["Post-Upgrade", 4]] as const) {
        const plan = yield* scheduleInstall([row(action, minutes)], "operator")
        assert.strictEqual(plan._tag, "Planned", JSON.stringify(plan))
      }
      const scheduler = yield* Effect.forkChild(runScheduler(sole(10)))
      yield* TestClock.adjust(5 * 60_000)
      yield* awaitViews((v) => [...v.jobs.withStatus("completed")].length === 4)
      yield* Fiber.interrupt(scheduler)
      const [first, , , last] = seen
      assert.strictEqual(first?.action, "Post-Upgrade")
      assert.isUndefined(first?.lastPreUpgrade, "no Pre-Upgrade has completed yet")
      assert.deepStrictEqual(last?.lastPreUpgrade?.files, new Map([["show-running-config.txt", "hostname R1 3\n"]]))
    }).pipe(Effect.provide(domain(gateway)))
  })

  it.effect("waits out a store that stops answering, then runs what is due", () => {
    const fleet = scriptedGateway(completed)
    const outage = { on: false }
    const FlakyStore = Layer.effect(EventStore, Effect.gen(function*() {
      const store = yield* EventStore
      return EventStore.of({
        ...store,
        readAll: (after, limit) =>
          outage.on ? Effect.fail(new StoreUnavailable({ cause: new Error("connection refused"), outcome: "not-written" })) : store.readAll(after, limit)
      })
    })).pipe(Layer.provide(MemoryEventStore.layer))
    return Effect.gen(function*() {
      yield* setUp
      yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade" }], "operator")
      outage.on = true
      const scheduler = yield* Effect.forkChild(runScheduler(sole(10)))
      for (let second = 0; second < 30; second++) yield* TestClock.adjust(1_000)
      assert.deepStrictEqual(fleet.ran, [], "nothing runs while the store is out")
      outage.on = false
      yield* TestClock.adjust(10_000)
      yield* awaitViews((v) => v.jobs.get(1)?.status === "completed")
      assert.deepStrictEqual(fleet.ran, ["R1 Pre-Upgrade"])
      yield* Fiber.interrupt(scheduler)
    }).pipe(Effect.provide(Layer.mergeAll(ReadModels.layer.pipe(Layer.provideMerge(FlakyStore)), NoSecrets, fleet.layer)))
  })
})
