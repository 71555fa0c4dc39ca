import { describe, expect, it } from "vitest"
import { makeTelnetDecoder } from "./telnet-negotiation.ts"

const IAC = 255
const [DONT, DO, WONT, WILL, SB, SE] = [254, 253, 252, 251, 250, 240]

describe("telnet negotiation", () => {
  it("agrees to the server's echo and go-ahead suppression and refuses the rest", () => {
    const decode = makeTelnetDecoder()
    const { data, replies } = decode(Buffer.from([IAC, WILL, 1, IAC, WILL, 3, IAC, WILL, 5, IAC, DO, 24, IAC, DO, 3, ...Buffer.from("Username: ")]))
    expect(data.toString()).toBe("Username: ")
    expect([...replies]).toEqual([IAC, DO, 1, IAC, DO, 3, IAC, DONT, 5, IAC, WONT, 24, IAC, WONT, 3])
  })

  it("carries a sequence split across chunks, skips subnegotiation and undoubles IAC", () => {
    const decode = makeTelnetDecoder()
    expect([...decode(Buffer.from([65, IAC])).data]).toEqual([65])
    const second = decode(Buffer.from([WILL, 1, IAC, SB, 24, 1, IAC, SE, IAC, IAC, 66]))
    expect([...second.data]).toEqual([IAC, 66])
    expect([...second.replies]).toEqual([IAC, DO, 1])
  })

  it("answers a repeated request once", () => {
    const decode = makeTelnetDecoder()
    decode(Buffer.from([IAC, WILL, 1]))
    expect(decode(Buffer.from([IAC, WILL, 1])).replies.length).toBe(0)
  })
})
