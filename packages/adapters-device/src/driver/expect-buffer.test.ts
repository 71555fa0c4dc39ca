import { describe, expect, it } from "vitest"
import { dropLeadingTimestamp, dropTimestampLines, findFirst, literal, makeExpectBuffer } from "./expect-buffer.ts"

describe("expect buffer", () => {
  it("drops \\r and finds a pattern split across chunks", () => {
    const buffer = makeExpectBuffer()
    buffer.append("\r\nUser Access Verification\r\n\r\nUser")
    expect(buffer.consumeFirst([/Username: /])).toBeUndefined()
    buffer.append("name: ")
    const match = buffer.consumeFirst([/Username: /])
    expect(match?.before).toBe("\nUser Access Verification\n\n")
    expect(match?.text).toBe("Username: ")
    expect(buffer.peek()).toBe("")
  })

  it("takes the earliest match, ties going to the earlier pattern", () => {
    const text = "% Authentication failed\n$ "
    expect(findFirst(text, [/\$\s?|%\s?/, /% Authentication failed/])?.index).toBe(0)
    expect(findFirst(text, [/% Authentication failed/, /\$\s?|%\s?/])?.index).toBe(0)
    expect(findFirst("Password: then Username: ", [/Username: /, /Password: /])?.index).toBe(1)
  })

  it("consumes only through the match and keeps the rest", () => {
    const buffer = makeExpectBuffer()
    buffer.append("show version\nVersion 5.3.3\nRP/0/RSP0/CPU0:PE1#")
    expect(buffer.consumeFirst([new RegExp(literal("show version"))])?.before).toBe("")
    expect(buffer.peek()).toBe("\nVersion 5.3.3\nRP/0/RSP0/CPU0:PE1#")
    expect(buffer.takeAll()).toBe("\nVersion 5.3.3\nRP/0/RSP0/CPU0:PE1#")
    expect(buffer.peek()).toBe("")
  })

  it("gives named and positional captures, and ignores global flags", () => {
    const pattern = /Install operation (?<id>\d+) '/g
    const match = findFirst("x Install operation 31 'admin'", [pattern])
    expect(match?.groups["id"]).toBe("31")
    expect(match?.captures[1]).toBe("31")
    expect(findFirst("Install operation 32 '", [pattern])?.captures[1]).toBe("32")
  })

  it("escapes literal text", () => {
    expect(new RegExp(literal("admin show install pie-info tftp://1.2.3.4/a+b (x)")).test("admin show install pie-info tftp://1.2.3.4/a+b (x)")).toBe(true)
    expect(new RegExp(literal("a.b")).test("axb")).toBe(false)
  })

  it("drops a leading timestamp line only", () => {
    expect(dropLeadingTimestamp("Tue Mar  7 10:15:02.123 UTC\nline\nTue Mar  7 10:15:02.123 UTC")).toBe("line\nTue Mar  7 10:15:02.123 UTC")
    expect(dropLeadingTimestamp("Fri Sep  2  13:58:27.429 UTC\n Node 0/RSP0 [RP]")).toBe(" Node 0/RSP0 [RP]")
    expect(dropLeadingTimestamp("Cisco IOS XR Software")).toBe("Cisco IOS XR Software")
    expect(dropLeadingTimestamp("Tue Mar  7 10:15:02.123 UTC")).toBe("")
    expect(dropTimestampLines("Fri Sep  2  13:58:27.429 UTC\na\nFri Sep  2  13:58:28.001 UTC\nb")).toBe("a\nb")
  })
})
