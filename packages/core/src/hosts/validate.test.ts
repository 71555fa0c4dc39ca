import { Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import { validateHostRow } from "./validate.ts"

const lookup = (...names: ReadonlyArray<string>) => ({
  canonical: (name: string) => names.find((known) => known.toLowerCase() === name.toLowerCase())
})
const views = { regions: lookup("SJ Labs"), jumpHosts: lookup("Jump 1") }

const validate = (row: unknown) => {
  const result = validateHostRow(row, views)
  return Result.isSuccess(result) ? result.success : result.failure.message
}

describe("host rows", () => {
  it("reads the guide's example, with lists and regions as stored", () => {
    const row = validate({
      hostname: "My Host 1",
      region: "sj labs",
      roles: "PE",
      connection_type: "telnet",
      ts_or_ip: "172.28.98.2, 172.28.98.3",
      username: "cisco",
      password: "cisco",
      port_number: "2001,2002",
      jump_host: "JUMP 1"
    })
    expect(typeof row !== "string" && row.changes).toEqual({
      region: "SJ Labs",
      roles: ["PE"],
      connection_type: "telnet",
      ts_or_ip: ["172.28.98.2", "172.28.98.3"],
      username: "cisco",
      port_number: [2001, 2002],
      jump_host: "Jump 1"
    })
    expect(typeof row !== "string" && row.secrets.password && Redacted.value(row.secrets.password)).toBe("cisco")
  })

  it("refuses a region or jump host that does not exist", () => {
    expect(validate({ hostname: "x", region: "Nowhere" })).toBe(`Region "Nowhere" does not exist.`)
    expect(validate({ hostname: "x", jump_host: "J9" })).toBe(`Jump host "J9" does not exist.`)
  })

  it("lets a row clear the jump host without looking it up", () => {
    expect(validate({ hostname: "x", jump_host: "" })).toEqual({ name: "x", changes: { jump_host: undefined }, secrets: {} })
  })

  it("refuses keys the route does not take, and values beyond the guide's lengths", () => {
    expect(validate({ hostname: "x", software_platform: "ASR9K" })).toBe("The following key, 'software_platform', is invalid.")
    expect(validate({ hostname: "x".repeat(51) })).toBe("'hostname' must be at most 50 characters.")
    expect(validate({ hostname: "x", username: "u".repeat(51) })).toBe("'username' must be at most 50 characters.")
    expect(validate({ hostname: "x", enable_password: "p".repeat(51) })).toBe("'enable_password' must be at most 50 characters.")
    expect(validate({ hostname: "x", port_number: "22,0" })).toBe("'port_number' must be a port number from 1 to 65535.")
  })
})
