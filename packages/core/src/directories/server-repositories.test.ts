import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { ServerRepositories } from "./server-repositories.ts"

const spec = DeciderSpecification.for(ServerRepositories.decider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const sftp = { server_type: "SFTP", server_address: "10.0.0.5", home_directory: "/repo", username: "csm" } as const
const defined = ServerRepositories.events.Defined.make({ name: "Repo", entry: sftp, secrets: { password: "sealed" }, time, by })

describe("server repositories", () => {
  it("defines a repository with the keys of its type", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "Repo", changes: sftp, secrets: { password: "sealed" }, time, by })
      .then([defined])
  })

  it("needs a server type", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "Repo", changes: { server_address: "x" }, secrets: {}, time, by })
      .thenRejects("The following required key, 'server_type', is missing.")
  })

  it("refuses keys that the server type does not take", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "Repo", changes: { ...sftp, vrf: "mgmt" }, secrets: {}, time, by })
      .thenRejects("The following key, 'vrf', is invalid for server type SFTP.")
    spec.given([defined])
      .when({ _tag: "SaveEntry", name: "Repo", changes: { device_path: "x", vrf: "y" }, secrets: {}, time, by })
      .thenRejects("The following keys, 'device_path,vrf', are invalid for server type SFTP.")
  })

  it("drops the keys of the old type when the type changes", () => {
    spec.given([defined])
      .when({ _tag: "SaveEntry", name: "Repo", changes: { server_type: "LOCAL", device_path: "harddisk:/p" }, secrets: {}, time, by })
      .then([ServerRepositories.events.Updated.make({
        name: "Repo",
        entry: { server_type: "LOCAL", device_path: "harddisk:/p" },
        secrets: {},
        time,
        by
      })])
  })

  it("cannot delete a repository that regions or jobs use", () => {
    spec.given([defined])
      .when({
        _tag: "DeleteEntry",
        name: "Repo",
        usedBy: [{ kind: "region", names: ["SJ Labs"] }, { kind: "install job", names: ["12", "13"] }],
        time,
        by
      })
      .thenRejects(`Server repository "Repo" cannot be deleted: it is used by region "SJ Labs"; install jobs 12, 13.`)
  })

  it("cannot delete a repository it does not know", () => {
    spec.given([]).when({ _tag: "DeleteEntry", name: "Repo", usedBy: [], time, by })
      .thenRejects("Unable to locate server repository Repo")
  })

  it("validates the server type of a row", () => {
    const result = ServerRepositories.validate({ hostname: "Repo", server_type: "HTTP" })
    expect(Result.isFailure(result) && result.failure.message).toBe(
      `'server_type' must be "TFTP", "FTP", "SFTP", "SCP" or "LOCAL".`
    )
  })
})
