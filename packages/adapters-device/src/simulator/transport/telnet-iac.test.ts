import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeTelnetClientAnswers } from "./telnet-client-answers.ts"
import { DO, DONT, encodeTelnetText, IAC, makeTelnetReader, OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD, SB, SE, WILL, WONT } from "./telnet-iac.ts"

const TERMINAL_TYPE = 24
const NOP = 241

const readAll = (chunks: ReadonlyArray<ReadonlyArray<number>>) => {
  const read = makeTelnetReader()
  const results = chunks.map((chunk) => read(Uint8Array.from(chunk)))
  return {
    text: Buffer.concat(results.map((result) => result.data)).toString("latin1"),
    negotiations: results.flatMap((result) => result.negotiations)
  }
}

const bytes = (text: string) => [...Buffer.from(text, "latin1")]

describe("the telnet reader", () => {
  it("removes option negotiation and keeps the verbs and options", () => {
    const result = readAll([[...bytes("ab"), IAC, DO, OPTION_ECHO, ...bytes("c"), IAC, WONT, TERMINAL_TYPE, ...bytes("d")]])
    expect(result).toEqual({
      text: "abcd",
      negotiations: [{ verb: DO, option: OPTION_ECHO }, { verb: WONT, option: TERMINAL_TYPE }]
    })
  })

  it("removes a subnegotiation, including an escaped 255 inside it", () => {
    const result = readAll([[...bytes("x"), IAC, SB, TERMINAL_TYPE, 0, ...bytes("VT100"), IAC, IAC, IAC, SE, ...bytes("y")]])
    expect(result).toEqual({ text: "xy", negotiations: [] })
  })

  it("keeps IAC IAC as one literal 255 and drops two-byte commands", () => {
    expect(readAll([[...bytes("a"), IAC, IAC, ...bytes("b"), IAC, NOP, ...bytes("c")]]).text).toBe("a\u00ffbc")
  })

  it("reads a command split across chunks at every byte", () => {
    const stream = [...bytes("ab"), IAC, WILL, OPTION_SUPPRESS_GO_AHEAD, IAC, SB, 31, 0, 80, IAC, SE, IAC, IAC, ...bytes("cd")]
    for (let cut = 0; cut <= stream.length; cut += 1) {
      expect(readAll([stream.slice(0, cut), stream.slice(cut)])).toEqual({
        text: "ab\u00ffcd",
        negotiations: [{ verb: WILL, option: OPTION_SUPPRESS_GO_AHEAD }]
      })
    }
  })

  it("gives back any text it was given, however the encoded stream is cut", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const encoded = [...encodeTelnetText(text)]
        const points = [...new Set(cuts.map((cut) => cut % (encoded.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((start, i) => encoded.slice(start, [...points, encoded.length][i]))
        const result = readAll(chunks)
        expect(Buffer.from(result.text, "latin1")).toEqual(Buffer.from(text))
        expect(result.negotiations).toEqual([])
      })
    )
  })
})

describe("encodeTelnetText", () => {
  it("doubles a literal 255 and leaves other bytes alone", () => {
    expect([...encodeTelnetText(Uint8Array.from([1, IAC, 2]))]).toEqual([1, IAC, IAC, 2])
    expect(encodeTelnetText("Username: ").toString("latin1")).toBe("Username: ")
  })
})

describe("a telnet client's answers", () => {
  it("lets the server echo and suppress go-ahead, declines the rest, and answers each offer once", () => {
    const answer = makeTelnetClientAnswers()
    expect([...(answer({ verb: WILL, option: OPTION_ECHO }) ?? [])]).toEqual([IAC, DO, OPTION_ECHO])
    expect([...(answer({ verb: WILL, option: OPTION_SUPPRESS_GO_AHEAD }) ?? [])]).toEqual([IAC, DO, OPTION_SUPPRESS_GO_AHEAD])
    expect([...(answer({ verb: WILL, option: TERMINAL_TYPE }) ?? [])]).toEqual([IAC, DONT, TERMINAL_TYPE])
    expect([...(answer({ verb: DO, option: TERMINAL_TYPE }) ?? [])]).toEqual([IAC, WONT, TERMINAL_TYPE])
    expect(answer({ verb: WILL, option: OPTION_ECHO })).toBeUndefined()
    expect(answer({ verb: WONT, option: OPTION_ECHO })).toBeUndefined()
  })
})
