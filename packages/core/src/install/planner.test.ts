import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatLocalTime } from "../shared/time.ts"
import { installJobsOf, minute, scheduled } from "../testing/install-fixtures.ts"
import type { InstallJobs } from "./jobs-projection.ts"
import type { InstallPlan } from "./planner.ts"
import { planInstallRequest } from "./planner.ts"
import type { PlannerView } from "./request-row.ts"
import type { InstallAction } from "./schemas.ts"
import { IMPLICIT_CHAIN, INSTALL_ACTIONS, implicitRank } from "./schemas.ts"

const lookup = (names: ReadonlyArray<string>) => ({
  canonical: (name: string) => names.find((known) => known.toLowerCase() === name.toLowerCase())
})

const viewOf = (jobs: InstallJobs): PlannerView => ({
  hosts: lookup(["R1", "R2", "My Host"]),
  serverRepositories: lookup(["My_Repository"]),
  commandProfiles: lookup(["Test Commands", "Edge Devices"]),
  jobs
})

const NOW = minute(0)
const FIRST_ID = 100
const plan = (rows: ReadonlyArray<unknown>, jobs = installJobsOf()) => planInstallRequest(rows, viewOf(jobs), NOW, FIRST_ID)

/** The guide's local form of a minute after the fixtures' origin, at UTC. */
const at = (minutes: number) => ({ scheduled_time: formatLocalTime(minute(minutes), 0), utc_offset: "+00:00" })

const PACKAGES = { software_packages: "asr9k-px-5.3.3.CSCuz05961.pie,asr9k-px-5.3.3.CSCux89921.pie" }
/** A complete row for each action. */
const row = (hostname: string, action: InstallAction, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  hostname,
  install_action: action,
  ...(action === "Add" ? { server_repository: "My_Repository", ...PACKAGES } : {}),
  ...(["Activate", "Remove", "Deactivate"].includes(action) ? PACKAGES : {}),
  ...extra
})

/** Each planned job as [id, action, dependency]. */
const planned = (result: InstallPlan) =>
  result._tag === "Planned" ? result.jobs.map((job) => [job.id, job.action, job.dependency]) : result.rows

const messages = (result: InstallPlan) =>
  result._tag === "Invalid" ? result.rows.map((row) => row.status_message) : result.rows

describe("phase 2: creating jobs", () => {
  it("answers the guide's example", () => {
    const jobs = installJobsOf(scheduled(118, { hostname: "R2", action: "Add", at: -60 }))
    const result = plan([{
      hostname: "r2",
      install_action: "Pre-Upgrade",
      scheduled_time: "06-15-2016 03:15 PM",
      utc_offset: "-07:00",
      command_profile: "Test Commands",
      dependency: "118"
    }], jobs)
    expect(result).toEqual({
      _tag: "Planned",
      jobs: [{
        id: 100,
        hostname: "R2",
        action: "Pre-Upgrade",
        scheduledAt: Date.UTC(2016, 5, 15, 22, 15),
        dependency: 118,
        serverRepository: undefined,
        serverDirectory: undefined,
        packages: [],
        commandProfiles: ["Test Commands"]
      }],
      rows: [{ status: "SUCCESS", id: 100, hostname: "R2", install_action: "Pre-Upgrade" }]
    })
  })

  it("chains a host's jobs implicitly and creates them host by host in the implicit order", () => {
    const result = plan([
      row("R2", "Commit"),
      row("R1", "Deactivate"),
      row("R1", "Commit"),
      row("My Host", "Add"),
      row("R1", "Activate"),
      row("R1", "Pre-Upgrade"),
      row("R2", "Post-Upgrade"),
      row("R1", "Add"),
      row("R1", "Post-Upgrade"),
      row("R1", "Remove")
    ])
    expect(planned(result)).toEqual([
      [100, "Add", undefined],
      [101, "Pre-Upgrade", undefined],
      [102, "Add", 101],
      [103, "Activate", 102],
      [104, "Post-Upgrade", 103],
      [105, "Commit", 104],
      [106, "Remove", undefined],
      [107, "Deactivate", undefined],
      [108, "Post-Upgrade", undefined],
      [109, "Commit", 108]
    ])
    expect(result._tag === "Planned" && result.rows.map((row) => [row.hostname, row.install_action])).toEqual([
      ["My Host", "Add"],
      ["R1", "Pre-Upgrade"],
      ["R1", "Add"],
      ["R1", "Activate"],
      ["R1", "Post-Upgrade"],
      ["R1", "Commit"],
      ["R1", "Remove"],
      ["R1", "Deactivate"],
      ["R2", "Post-Upgrade"],
      ["R2", "Commit"]
    ])
  })

  it("skips, in the implicit chain, a job scheduled later", () => {
    const result = plan([row("R1", "Add", at(10)), row("R1", "Activate", at(30)), row("R1", "Post-Upgrade", at(20))])
    expect(planned(result)).toEqual([[100, "Add", undefined], [101, "Activate", 100], [102, "Post-Upgrade", 100]])
  })

  it("resolves an action name to the latest job of that action scheduled no later, the request's own first", () => {
    // The guide: two Adds before the Post-Upgrade and one after; the later of the two earlier ones wins.
    const jobs = installJobsOf(
      scheduled(1, { action: "Add", at: 10 }),
      scheduled(2, { action: "Add", at: 20 }),
      scheduled(3, { action: "Add", at: 40 }),
      scheduled(4, { hostname: "R2", action: "Add", at: 25 })
    )
    expect(planned(plan([row("R1", "Post-Upgrade", { ...at(30), dependency: "Add" })], jobs))).toEqual([[100, "Post-Upgrade", 2]])
    expect(planned(plan([row("R1", "Post-Upgrade", { ...at(30), dependency: "Add" }), row("R1", "Add", at(35))], jobs)))
      .toEqual([[100, "Add", undefined], [101, "Post-Upgrade", 2]])
    expect(planned(plan([row("R1", "Post-Upgrade", { ...at(30), dependency: "Add" }), row("R1", "Add", at(25))], jobs)))
      .toEqual([[100, "Add", undefined], [101, "Post-Upgrade", 100]])
  })

  it("lets a job depend on one of the request created after it", () => {
    const result = plan([row("R1", "Deactivate", at(10)), row("R1", "Commit", { ...at(20), dependency: "Deactivate" })])
    expect(planned(result)).toEqual([[100, "Commit", 101], [101, "Deactivate", undefined]])
  })

  it("answers FAILED rows for dependencies that cannot be resolved, and creates the others", () => {
    const jobs = installJobsOf(scheduled(1, { hostname: "R2", at: 0 }), scheduled(2, { at: 60 }))
    const result = plan([
      row("R1", "Add", { dependency: 9 }),
      row("R1", "Activate"),
      row("R1", "Post-Upgrade", { dependency: "Commit" }),
      row("R2", "Pre-Upgrade", { dependency: 2 }),
      row("My Host", "Pre-Upgrade", { dependency: 1 }),
      row("R2", "Add", { dependency: 1 })
    ], jobs)
    expect(result).toEqual({
      _tag: "Planned",
      jobs: [expect.objectContaining({ id: 100, hostname: "R2", action: "Add", dependency: 1 })],
      rows: [
        {
          status: "FAILED",
          hostname: "My Host",
          install_action: "Pre-Upgrade",
          status_message: "Dependency install job 1 belongs to host \"R2\", not \"My Host\"."
        },
        { status: "FAILED", hostname: "R1", install_action: "Add", status_message: "Dependency install job 9 does not exist." },
        {
          status: "FAILED",
          hostname: "R1",
          install_action: "Activate",
          status_message: "Its dependency, the Add job of this request, could not be created."
        },
        {
          status: "FAILED",
          hostname: "R1",
          install_action: "Post-Upgrade",
          status_message: "Dependency \"Commit\" cannot be resolved: no Commit job of host \"R1\" is scheduled at or before this job."
        },
        {
          status: "FAILED",
          hostname: "R2",
          install_action: "Pre-Upgrade",
          status_message: "Dependency install job 2 belongs to host \"R1\", not \"R2\"."
        },
        { status: "SUCCESS", id: 100, hostname: "R2", install_action: "Add" }
      ]
    })
    expect(messages(plan([row("R1", "Add", { dependency: 2 })], jobs))).toEqual([
      { status: "FAILED", hostname: "R1", install_action: "Add", status_message: "Dependency install job 2 is scheduled later than this job." }
    ])
  })
})

describe("phase 1: validating rows", () => {
  const NOT_SUBMITTED = "Not submitted. Check other jobs for error message."
  const refusal = (bad: unknown, jobs?: InstallJobs) => messages(plan([row("R2", "Commit"), bad], jobs))

  it("echoes every row with its keys when one is invalid", () => {
    expect(plan([row("R2", "Commit"), { hostname: "R9", install_action: "Commit", extra: 1 }])).toEqual({
      _tag: "Invalid",
      rows: [
        { hostname: "R2", install_action: "Commit", status: "FAILED", status_message: NOT_SUBMITTED },
        {
          hostname: "R9",
          install_action: "Commit",
          extra: 1,
          status: "FAILED",
          status_message: "The following key, 'extra', is invalid."
        }
      ]
    })
  })

  it.each<[string, unknown, string]>([
    ["a row that is not an object", ["R1"], "Data in the HTTP Request is an invalid JSON."],
    ["unknown keys", { ...row("R1", "Commit"), x: 1, y: 2 }, "The following keys, 'x,y', are invalid."],
    ["a missing install_action", { hostname: "R1" }, "The following required key, 'install_action', is missing."],
    ["missing keys", {}, "The following required keys, 'hostname,install_action', are missing."],
    [
      "an unknown action",
      { hostname: "R1", install_action: "Upgrade" },
      "'install_action' must be one of Pre-Upgrade, Add, Activate, Post-Upgrade, Commit, Remove, Deactivate."
    ],
    [
      "a key the action does not take",
      row("R1", "Remove", { dependency: "Add" }),
      "The following key, 'dependency', is invalid for install_action Remove."
    ],
    [
      "keys the action does not take",
      row("R1", "Commit", { command_profile: "Test Commands", server_directory: "x" }),
      "The following keys, 'command_profile,server_directory', are invalid for install_action Commit."
    ],
    [
      "missing keys of the action",
      { hostname: "R1", install_action: "Add" },
      "The following required keys, 'server_repository,software_packages', are missing."
    ],
    ["a hostname of the wrong type", { hostname: 7, install_action: "Commit" }, "'hostname' must be a string."],
    ["a name that is too long", { hostname: "R".repeat(51), install_action: "Commit" }, "'hostname' must be at most 50 characters."],
    [
      "a dependency of the wrong type",
      row("R1", "Commit", { dependency: { id: 1 } }),
      "'dependency' must be an install job id or an install action name."
    ],
    ["an unknown host", { hostname: "R9", install_action: "Commit" }, "Host \"R9\" does not exist."],
    ["an unknown repository", row("R1", "Add", { server_repository: "Nowhere" }), "Server repository \"Nowhere\" does not exist."],
    [
      "an unknown profile",
      row("R1", "Post-Upgrade", { command_profile: ["Test Commands", "Nope"] }),
      "Command profile \"Nope\" does not exist."
    ],
    ["empty packages", row("R1", "Activate", { software_packages: " , " }), "'software_packages' must not be empty."],
    [
      "a package name that would inject a command",
      row("R1", "Activate", { software_packages: "a.pie; reload" }),
      "'software_packages' must contain only letters, digits and . _ : / - (not \"a.pie; reload\")."
    ],
    [
      "an unsafe server directory",
      row("R1", "Add", { server_directory: "smus reload" }),
      "'server_directory' must contain only letters, digits and . _ : / - (not \"smus reload\")."
    ],
    [
      "a scheduled time without an offset",
      row("R1", "Commit", { scheduled_time: "06-15-2016 03:15 PM" }),
      "Missing utc_offset. If scheduled_time is submitted, utc_offset is also required."
    ],
    [
      "a bad offset",
      row("R1", "Commit", { scheduled_time: "06-15-2016 03:15 PM", utc_offset: "-13:00" }),
      "'utc_offset' must be \"+hh:mm\" or \"-hh:mm\" between -12:00 and +14:00, e.g. \"-07:00\" (not \"-13:00\")."
    ],
    [
      "a bad offset without a time",
      row("R1", "Commit", { utc_offset: "7" }),
      "'utc_offset' must be \"+hh:mm\" or \"-hh:mm\" between -12:00 and +14:00, e.g. \"-07:00\" (not \"7\")."
    ],
    [
      "an impossible date",
      row("R1", "Commit", { scheduled_time: "02-30-2016 03:15 PM", utc_offset: "+00:00" }),
      "'scheduled_time' must be a real date (not \"02-30-2016 03:15 PM\")."
    ],
    [
      "a dependency that is neither an id nor an action",
      row("R1", "Commit", { dependency: "0" }),
      "'dependency' must be an install job id or an install action name (not \"0\")."
    ],
    [
      "a fractional dependency",
      row("R1", "Commit", { dependency: 1.5 }),
      "'dependency' must be an install job id or an install action name (not \"1.5\")."
    ],
    [
      "a second row for a host and action",
      { hostname: "r2", install_action: "Commit" },
      "More than one entry with the same hostname: 'R2' and install_action: 'Commit'. Remove any duplicate and resubmit."
    ]
  ])("refuses %s", (_, bad, message) => {
    expect(refusal(bad)).toEqual([NOT_SUBMITTED, message])
  })

  it("refuses a row that repeats a job not yet run, packages in any order", () => {
    const jobs = installJobsOf(scheduled(12, { action: "Activate", at: 30, packages: ["b.pie", "a.pie"] }))
    const again = row("R1", "Activate", { ...at(30), software_packages: ["a.pie", "b.pie"] })
    expect(refusal(again, jobs)).toEqual([
      NOT_SUBMITTED,
      "This duplicates install job 12, which has the same hostname, install_action, software_packages and scheduled_time and has not run yet."
    ])
    expect(planned(plan([{ ...again, ...at(31) }], jobs))).toEqual([[100, "Activate", undefined]])
  })
})

describe("properties", () => {
  const hosts = ["R1", "R2", "My Host"]
  /** Existing jobs for the explicit dependencies to find. */
  const existing = installJobsOf(
    scheduled(1, { hostname: "R1", action: "Add", at: 1 }),
    scheduled(2, { hostname: "R2", action: "Activate", at: 2 }),
    scheduled(3, { hostname: "R1", action: "Pre-Upgrade", at: 5 })
  )
  const requestRow = (hostname: string, action: InstallAction) =>
    fc.record({
      minutes: fc.integer({ min: 0, max: 4 }),
      dependency: IMPLICIT_CHAIN.some((chained) => chained === action)
        ? fc.option(fc.oneof(fc.constantFrom(...IMPLICIT_CHAIN), fc.integer({ min: 1, max: 4 })), { nil: undefined })
        : fc.constant(undefined)
    }).map(({ minutes, dependency }) =>
      row(hostname, action, { ...at(minutes), ...(dependency === undefined ? {} : { dependency }) })
    )
  /** A valid request: per host, any set of actions, each at most once. */
  const request = fc
    .tuple(...hosts.map((hostname) => fc.subarray([...INSTALL_ACTIONS]).chain((actions) => fc.tuple(...actions.map((action) => requestRow(hostname, action))))))
    .map((perHost) => perHost.flat())

  it("plans the same, whatever the order of the rows", () => {
    fc.assert(
      fc.property(request.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        const first = plan(rows, existing)
        expect(first._tag).toBe("Planned")
        expect(plan(shuffled, existing)).toEqual(first)
      })
    )
  })

  it("depends only on an existing job, or one of the request, of the same host and scheduled no later, without cycles", () => {
    fc.assert(
      fc.property(request, (rows) => {
        const result = plan(rows, existing)
        const jobs = result._tag === "Planned" ? result.jobs : []
        for (const job of jobs) {
          const seen = new Set([job.id])
          for (let dependency = job.dependency; dependency !== undefined;) {
            const other = jobs.find((candidate) => candidate.id === dependency) ?? existing.get(dependency)
            expect(other?.hostname).toBe(job.hostname)
            expect(other!.scheduledAt).toBeLessThanOrEqual(job.scheduledAt)
            expect(seen.has(dependency)).toBe(false)
            seen.add(dependency)
            dependency = other!.dependency
          }
        }
      })
    )
  })

  it("follows the implicit order: the nearest earlier chain action of the request scheduled no later", () => {
    const implicitOnly = request.map((rows) => rows.map(({ dependency: _, ...rest }) => rest))
    fc.assert(
      fc.property(implicitOnly, (rows) => {
        const result = plan(rows, existing)
        const jobs = result._tag === "Planned" ? result.jobs : []
        for (const job of jobs) {
          const rank = implicitRank(job.action)
          const candidates = jobs.filter((other) =>
            other.hostname === job.hostname && IMPLICIT_CHAIN.some((chained) => chained === job.action) &&
            implicitRank(other.action) < rank && other.scheduledAt <= job.scheduledAt
          )
          const nearest = candidates.sort((a, b) => implicitRank(b.action) - implicitRank(a.action))[0]
          expect(job.dependency).toBe(nearest?.id)
        }
      })
    )
  })
})
