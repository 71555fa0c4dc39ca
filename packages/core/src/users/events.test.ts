import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { UserDeleted, userEventDefinitions, UserRegistered, userStream } from "./events.ts"

const time = "2016-06-01T15:15:00.000Z"
const samples = [
  UserRegistered.make({
    name: "Alice", entry: { privilege: "Network Admin", fullname: "Alice A.", email: "alice@example.com" },
    secrets: { password: "sealed-hash" }, time, by: "admin"
  }),
  UserDeleted.make({ name: "Alice", time, by: "admin" })
]

describe("user events", () => {
  it.each(samples)("$_tag survives JSON", (event) => {
    const { schema } = userEventDefinitions.find((definition) => definition.type === event._tag)!
    const json = JSON.parse(JSON.stringify(Schema.encodeUnknownSync(schema)(event)))
    expect(Schema.decodeUnknownSync(schema)(json)).toEqual(event)
  })

  it("keeps one stream per user name, whatever its case", () => {
    expect(userStream("Alice")).toBe("user-alice")
  })
})
