import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { Regions, regionsUsingRepository } from "./regions.ts"

const spec = DeciderSpecification.for(Regions.decider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const defined = Regions.events.Defined.make({ name: "SJ Labs", entry: {}, secrets: {}, time, by })
const views = { serverRepositories: { canonical: (name: string) => (name.toLowerCase() === "repo" ? "Repo" : undefined) } }

describe("regions", () => {
  it("defines a new region", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "SJ Labs", changes: {}, secrets: {}, time, by }).then([defined])
  })

  it("updates a region under the name it was first given", () => {
    spec.given([defined])
      .when({ _tag: "SaveEntry", name: "sj labs", changes: { server_repositories: ["Repo"] }, secrets: {}, time, by })
      .then([Regions.events.Updated.make({ name: "SJ Labs", entry: { server_repositories: ["Repo"] }, secrets: {}, time, by })])
  })

  it("records nothing when nothing changes", () => {
    spec.given([defined]).when({ _tag: "SaveEntry", name: "SJ Labs", changes: {}, secrets: {}, time, by }).then([])
  })

  it("deletes a region", () => {
    spec.given([defined])
      .when({ _tag: "DeleteEntry", name: "SJ LABS", usedBy: [{ kind: "host", names: [] }], time, by })
      .then([Regions.events.Deleted.make({ name: "SJ Labs", time, by })])
  })

  it("cannot delete a region it does not know", () => {
    spec.given([]).when({ _tag: "DeleteEntry", name: "Nowhere", usedBy: [], time, by })
      .thenRejects("Unable to locate region Nowhere")
  })

  it("cannot delete a region that hosts still use, and says which", () => {
    spec.given([defined])
      .when({ _tag: "DeleteEntry", name: "SJ Labs", usedBy: [{ kind: "host", names: ["R1", "My Host"] }], time, by })
      .thenRejects(`Region "SJ Labs" cannot be deleted: it is used by hosts "R1", "My Host".`)
  })

  it("names ten users of a region and counts the rest", () => {
    const names = Array.from({ length: 12 }, (_, i) => `R${i}`)
    spec.given([defined]).when({ _tag: "DeleteEntry", name: "SJ Labs", usedBy: [{ kind: "host", names }], time, by })
      .thenRejects(
        `Region "SJ Labs" cannot be deleted: it is used by hosts ${names.slice(0, 10).map((n) => `"${n}"`).join(", ")} and 2 more.`
      )
  })

  it("checks the server repositories a row names, and spells them as stored", () => {
    expect(Regions.validate({ region_name: " SJ Labs ", server_repositories: "repo, REPO" }, views)).toEqual(
      Result.succeed({ name: "SJ Labs", changes: { server_repositories: ["Repo"] }, secrets: {} })
    )
    expect(Regions.validate({ region_name: "SJ Labs", server_repositories: ["Repo", "Other"] }, views)).toEqual(
      Result.fail(expect.objectContaining({ message: `Server repository "Other" does not exist.` }))
    )
  })

  it("lists the regions that use a server repository", () => {
    const state = Regions.projection.init()
    Regions.projection.apply(state, Regions.events.Defined.make({ name: "B", entry: { server_repositories: ["Repo"] }, secrets: {}, time, by }), meta)
    Regions.projection.apply(state, Regions.events.Defined.make({ name: "A", entry: { server_repositories: ["repo"] }, secrets: {}, time, by }), meta)
    Regions.projection.apply(state, defined, meta)
    expect(regionsUsingRepository(state, "REPO")).toEqual(["A", "B"])
  })
})

const meta = { stream: "region-x", version: 1, recordedAt: time }
