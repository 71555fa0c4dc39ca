import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { DeciderSpecification } from "../testing/decider-spec.ts"
import { CommandProfiles } from "./command-profiles.ts"

const spec = DeciderSpecification.for(CommandProfiles.decider)
const time = "2016-06-01T15:15:00.000Z"
const by = "admin"
const entry = { command_list: ["show version", "show install active"] }
const defined = CommandProfiles.events.Defined.make({ name: "Test Commands", entry, secrets: {}, time, by })

const validate = (row: unknown) => {
  const result = CommandProfiles.validate(row)
  return Result.isSuccess(result) ? result.success : result.failure.message
}

describe("custom command profiles", () => {
  it("defines a profile", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "Test Commands", changes: entry, secrets: {}, time, by }).then([defined])
  })

  it("needs a command list", () => {
    spec.given([]).when({ _tag: "SaveEntry", name: "Test Commands", changes: {}, secrets: {}, time, by })
      .thenRejects("The following required key, 'command_list', is missing.")
  })

  it("replaces the command list", () => {
    spec.given([defined])
      .when({ _tag: "SaveEntry", name: "Test Commands", changes: { command_list: ["show run"] }, secrets: {}, time, by })
      .then([CommandProfiles.events.Updated.make({ name: "Test Commands", entry: { command_list: ["show run"] }, secrets: {}, time, by })])
  })

  it("cannot delete a profile that scheduled jobs use", () => {
    spec.given([defined])
      .when({ _tag: "DeleteEntry", name: "Test Commands", usedBy: [{ kind: "install job", names: ["7"] }], time, by })
      .thenRejects(`Custom command profile "Test Commands" cannot be deleted: it is used by install job 7.`)
  })

  it("cannot delete a profile it does not know", () => {
    spec.given([]).when({ _tag: "DeleteEntry", name: "X", usedBy: [], time, by })
      .thenRejects("Unable to locate custom command profile X")
  })

  it("takes one command line per item", () => {
    expect(validate({ profile_name: "P", command_list: [" show version "] })).toEqual({
      name: "P",
      changes: { command_list: ["show version"] },
      secrets: {}
    })
    expect(validate({ profile_name: "P", command_list: ["show version\nreload"] })).toBe(
      "'command_list' must not contain control characters."
    )
    expect(validate({ profile_name: "P", command_list: [] })).toBe("'command_list' must hold at least one command.")
    expect(validate({ profile_name: "P", command_list: "show version" })).toBe("'command_list' must be a list of commands.")
    expect(validate({ profile_name: "P", command_list: ["  "] })).toBe("'command_list' must not hold an empty command.")
  })
})
