import { Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Schema } from "effect"
import {
  CommandProfileName, ConnectionType, decodeField, Hostname, nameKey, Password, PortNumber, PortNumbers, RegionName,
  Roles, TsOrIp, UserName
} from "./names.ts"

const decode = <T>(key: string, schema: Schema.Decoder<T>, value: unknown) => {
  const result = decodeField(key, schema, value)
  return Result.isSuccess(result) ? { value: result.success } : { message: result.failure.message }
}

describe("names", () => {
  it("trims hostnames and keeps their case", () => {
    expect(decode("hostname", Hostname, "  My Host 1 ")).toEqual({ value: "My Host 1" })
  })

  it("keys names case-insensitively", () => {
    expect(nameKey("My Host")).toBe(nameKey("MY HOST"))
  })

  it.each([
    [5, "'hostname' must be a string."],
    ["   ", "'hostname' must not be empty."],
    ["a".repeat(51), "'hostname' must be at most 50 characters."],
    ["a/b", "'hostname' must not contain '/'."],
    ["a\tb", "'hostname' must not contain control characters."],
    ["a\u200Bb", "'hostname' must not contain control characters."],
    ["a|b", "'hostname' must not contain '|', which is unsafe in a file name or a device command."],
    ["r1;reload", "'hostname' must not contain ';', which is unsafe in a file name or a device command."],
    ["..", "'hostname' must not start with '-' or '.', which is unsafe in a file name or a device command."],
    ["-rf", "'hostname' must not start with '-' or '.', which is unsafe in a file name or a device command."]
  ])("refuses the hostname %j", (value, message) => {
    expect(decode("hostname", Hostname, value)).toEqual({ message })
  })

  it("accepts a 50-character hostname and a 100-character region", () => {
    expect(decode("hostname", Hostname, "h".repeat(50))).toEqual({ value: "h".repeat(50) })
    expect(decode("region", RegionName, "r".repeat(100))).toEqual({ value: "r".repeat(100) })
    expect(decode("region", RegionName, "r".repeat(101))).toEqual({ message: "'region' must be at most 100 characters." })
  })

  it("refuses ':' in user names", () => {
    expect(decode("username", UserName, "a:b")).toEqual({ message: "'username' must not contain ':'." })
  })

  it("normalises comma delimited values and lists", () => {
    expect(decode("roles", Roles, "PE, P ,,")).toEqual({ value: ["PE", "P"] })
    expect(decode("ts_or_ip", TsOrIp, [" 10.0.0.1", "10.0.0.2"])).toEqual({ value: ["10.0.0.1", "10.0.0.2"] })
    expect(decode("roles", Roles, 3)).toEqual({ message: "'roles' must be a comma delimited string or a list of strings." })
    expect(decode("roles", Roles, "x".repeat(60) + "," + "y".repeat(40))).toEqual({
      message: "'roles' must be at most 100 characters."
    })
    expect(decode("ts_or_ip", TsOrIp, "10.0.0.1, 10 .0.0.2")).toEqual({
      message: "'ts_or_ip' must not contain spaces or control characters."
    })
    expect(decode("ts_or_ip", TsOrIp, ",")).toEqual({ message: "'ts_or_ip' must not be empty." })
  })

  it("reads port numbers as numbers", () => {
    expect(decode("port_number", PortNumbers, "22, 2001")).toEqual({ value: [22, 2001] })
    expect(decode("port_number", PortNumbers, [23, "2002"])).toEqual({ value: [23, 2002] })
    expect(decode("port_number", PortNumbers, 22)).toEqual({ value: [22] })
    expect(decode("port_number", PortNumber, "22")).toEqual({ value: 22 })
    for (const bad of ["0", "65536", "2x", 1.5, [true]]) {
      expect(decode("port_number", PortNumbers, bad)).toHaveProperty("message")
    }
    expect(decode("port_number", PortNumbers, "70000")).toEqual({
      message: "'port_number' must be a port number from 1 to 65535."
    })
  })

  it("keeps passwords redacted and untrimmed", () => {
    const result = decodeField("password", Password, " secret ")
    expect(Result.isSuccess(result) && Redacted.value(result.success)).toBe(" secret ")
    expect(decode("password", Password, "x".repeat(51))).toEqual({ message: "'password' must be at most 50 characters." })
    expect(decode("password", Password, "a\nb")).toEqual({ message: "'password' must not contain control characters." })
  })

  it("names the connection types", () => {
    expect(decode("connection_type", ConnectionType, "rlogin")).toEqual({
      message: `'connection_type' must be "telnet" or "ssh".`
    })
    expect(decode("profile_name", CommandProfileName, "Show")).toEqual({ value: "Show" })
  })
})
