import { Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import { JumpHosts } from "../directories/jump-hosts.ts"

// The jump hosts' rows exercise every rule of the shared row reader.
const validate = (row: unknown) => {
  const result = JumpHosts.validate(row)
  return Result.isSuccess(result) ? result.success : result.failure.message
}

describe("decodeRow", () => {
  it("refuses a row that is not an object", () => {
    for (const row of [null, [], "x", 3]) expect(validate(row)).toBe("Data in the HTTP Request is an invalid JSON.")
  })

  it("names one unknown key, or several", () => {
    expect(validate({ hostname: "J", x: 1 })).toBe("The following key, 'x', is invalid.")
    expect(validate({ x: 1, hostname: "J", y: 2 })).toBe("The following keys, 'x,y', are invalid.")
  })

  it("needs the name key", () => {
    expect(validate({ host_or_ip: "10.0.0.1" })).toBe("The following required key, 'hostname', is missing.")
    expect(validate({ hostname: "" })).toBe("'hostname' must not be empty.")
  })

  it("decodes the given keys only", () => {
    expect(validate({ hostname: " J1 ", port_number: "2222" })).toEqual({
      name: "J1",
      changes: { port_number: 2222 },
      secrets: {}
    })
  })

  it("reports the first bad value with its key", () => {
    expect(validate({ hostname: "J1", connection_type: "rsh", port_number: 0 })).toBe(
      `'connection_type' must be "telnet" or "ssh".`
    )
  })

  it("reads blank optional values as clearing them, blank required ones as errors", () => {
    expect(validate({ hostname: "J1", port_number: "", username: null, password: "" })).toEqual({
      name: "J1",
      changes: { port_number: undefined, username: undefined },
      secrets: { password: undefined }
    })
    expect(validate({ hostname: "J1", host_or_ip: " " })).toBe("'host_or_ip' must not be empty.")
  })

  it("keeps a given password redacted", () => {
    const row = validate({ hostname: "J1", password: "cisco" })
    expect(typeof row !== "string" && row.secrets.password && Redacted.value(row.secrets.password)).toBe("cisco")
  })

  it("ignores inherited keys and refuses __proto__", () => {
    expect(validate(JSON.parse(`{"hostname": "J1", "__proto__": {"x": 1}}`))).toBe(
      "The following key, '__proto__', is invalid."
    )
  })
})
