import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted, Result } from "effect"
import { listHosts } from "../hosts/list-hosts.ts"
import { nameLookup } from "../directories/projection.ts"
import { EventStore, Start } from "../store/event-store.ts"
import { EmbeddedDomain } from "../testing/embedded-domain.ts"
import { CommandProfilesService, RegionsService, ServerRepositoriesService } from "./directories.ts"
import { saveHosts } from "./hosts.ts"
import { deleteInstallJobs, scheduleInstall } from "./install.ts"
import { ReadModels } from "./read-models.ts"
import { PasswordHasher, SecretBox } from "./secrets.ts"
import { authenticate, deleteUser, saveUsers } from "./users.ts"

// Reversible stand-ins for the crypto ports: these tests are about the application's rules.
const TestSecrets = Layer.mergeAll(
  Layer.succeed(SecretBox, SecretBox.of({
    seal: (plain) => Effect.succeed(`sealed:${Redacted.value(plain)}`),
    open: (sealed) => Effect.succeed(Redacted.make(sealed.slice("sealed:".length)))
  })),
  Layer.succeed(PasswordHasher, PasswordHasher.of({
    hash: (password) => Effect.succeed(`hash:${Redacted.value(password)}`),
    verify: (password, hash) => Effect.succeed(hash === `hash:${Redacted.value(password)}`)
  }))
)

const run = <A, E>(program: Effect.Effect<A, E, ReadModels | EventStore | SecretBox | PasswordHasher>) =>
  program.pipe(Effect.provide(Layer.merge(EmbeddedDomain, TestSecrets)))

const logLength = Effect.gen(function*() {
  const page = yield* (yield* EventStore).readAll(Start, 10_000)
  return page.events.length
})

const lab = Effect.gen(function*() {
  yield* ServerRepositoriesService.save([{ hostname: "Repo", server_type: "LOCAL", device_path: "disk0:" }], "admin")
  yield* CommandProfilesService.save([{ profile_name: "Checks", command_list: ["show version"] }], "admin")
  yield* RegionsService.save([{ region_name: "SJ Labs", server_repositories: "Repo" }], "admin")
})

const host = (hostname: string, extra: Record<string, unknown> = {}) => ({
  hostname,
  region: "SJ Labs",
  connection_type: "telnet",
  ts_or_ip: "172.28.98.2",
  ...extra
})

describe("application services", () => {
  it.effect("a bulk host upsert answers row by row and writes only the rows that succeeded", () =>
    run(Effect.gen(function*() {
      yield* lab
      const before = yield* logLength
      const outcomes = yield* saveHosts([host("R1"), host("R2", { region: "Nowhere" }), host("r1"), { hostname: "R3", colour: "red" }], "admin")
      assert.deepStrictEqual(outcomes, [
        { name: "R1", failure: undefined },
        { name: "R2", failure: `Region "Nowhere" does not exist.` },
        { name: "r1", failure: "More than one entry with the name 'r1'. Remove any duplicate and resubmit." },
        { name: "R3", failure: "The following key, 'colour', is invalid." }
      ])
      assert.strictEqual((yield* logLength) - before, 1)
      const { views } = yield* ReadModels
      const page = listHosts(views.hosts, {}, nameLookup(views.regions))
      assert.deepStrictEqual(Result.map(page, (p) => p.host_list.map((row) => row.hostname)), Result.succeed(["R1"]))
    })))

  it.effect("passwords are sealed before they enter an event and never appear in the log in plain text", () =>
    run(Effect.gen(function*() {
      yield* lab
      yield* saveHosts([host("R1", { username: "cisco", password: "s3cret-pw" })], "admin")
      const page = yield* (yield* EventStore).readAll(Start, 10_000)
      const text = JSON.stringify(page.events.map((event) => event.data))
      assert.include(text, "sealed:s3cret-pw")
      assert.notMatch(text.replaceAll("sealed:s3cret-pw", ""), /s3cret-pw/)
    })))

  it.effect("a directory entry in use cannot be deleted, and says who uses it", () =>
    run(Effect.gen(function*() {
      yield* lab
      yield* saveHosts([host("R1")], "admin")
      const region = yield* RegionsService.delete("sj labs", "admin")
      assert.strictEqual(Result.isFailure(region) && region.failure.message, `Region "SJ Labs" cannot be deleted: it is used by host "R1".`)
      yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade", command_profile: "Checks" }], "op")
      const profile = yield* CommandProfilesService.delete("Checks", "admin")
      assert.strictEqual(Result.isFailure(profile) && profile.failure.message, `Custom command profile "Checks" cannot be deleted: it is used by install job 1.`)
      const repository = yield* ServerRepositoriesService.delete("Repo", "admin")
      assert.strictEqual(Result.isFailure(repository) && repository.failure.message, `Server repository "Repo" cannot be deleted: it is used by region "SJ Labs".`)
    })))

  it.effect("an invalid install request writes nothing; ids are never reused, even after deletion", () =>
    run(Effect.gen(function*() {
      yield* lab
      yield* saveHosts([host("R1"), host("R2")], "admin")
      const before = yield* logLength
      const invalid = yield* scheduleInstall([
        { hostname: "R1", install_action: "Pre-Upgrade" },
        { hostname: "R9", install_action: "Commit" }
      ], "op")
      assert.strictEqual(invalid._tag, "Invalid")
      assert.strictEqual(yield* logLength, before)

      const first = yield* scheduleInstall([{ hostname: "R1", install_action: "Pre-Upgrade" }, { hostname: "R1", install_action: "Commit" }], "op")
      assert.deepStrictEqual(first._tag === "Planned" && first.jobs.map((job) => [job.id, job.dependency]), [[1, undefined], [2, 1]])
      const deleted = yield* deleteInstallJobs({ id: 1 }, "op")
      assert.deepStrictEqual(deleted, Result.succeed([{ _tag: "Deleted", id: 1, dependents: [2] }]))
      const second = yield* scheduleInstall([{ hostname: "R2", install_action: "Commit" }], "op")
      assert.deepStrictEqual(second._tag === "Planned" && second.jobs.map((job) => job.id), [3])
    })))

  it.effect("concurrent install requests never share an id", () =>
    run(Effect.gen(function*() {
      yield* lab
      const hosts = Array.from({ length: 8 }, (_, i) => `H${i}`)
      yield* saveHosts(hosts.map((name) => host(name)), "admin")
      const plans = yield* Effect.forEach(hosts, (hostname) => scheduleInstall([{ hostname, install_action: "Commit" }], "op"), {
        concurrency: "unbounded"
      })
      const ids = plans.flatMap((plan) => plan._tag === "Planned" ? plan.jobs.map((job) => job.id) : [])
      assert.deepStrictEqual([...ids].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8])
    })))

  it.effect("users: passwords are hashed, authentication checks them, the last Admin stays", () =>
    run(Effect.gen(function*() {
      const saved = yield* saveUsers([{ username: "admin", password: "pw-admin", privilege: "Admin" }], "bootstrap")
      assert.deepStrictEqual(saved, [{ name: "admin", failure: undefined }])
      assert.strictEqual((yield* authenticate("admin", Redacted.make("pw-admin")))?.name, "admin")
      assert.strictEqual(yield* authenticate("admin", Redacted.make("wrong")), undefined)
      const refused = yield* deleteUser("admin", "admin")
      assert.strictEqual(Result.isFailure(refused) && refused.failure.message, "The last Admin cannot be deleted.")
    })))
})
