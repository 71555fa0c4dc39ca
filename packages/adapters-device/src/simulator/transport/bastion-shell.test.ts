import { describe, expect, it } from "vitest"
import { makeBastionShell } from "./bastion-shell.ts"
import type { TelnetHopEvents } from "./telnet-hop.ts"

const prompt = "[csm@bastion ~]$ "

/** A shell on a fake terminal whose telnet hops are driven by the test. */
const shellWithFakeHop = () => {
  let output = ""
  let closed = false
  const hops: Array<{ host: string; port: number; events: TelnetHopEvents; sent: Array<string>; closed: boolean }> = []
  const shell = makeBastionShell(
    {
      write: (text) => {
        output += typeof text === "string" ? text : Buffer.from(text).toString("utf8")
      },
      close: () => {
        closed = true
      }
    },
    "csm",
    (host, port, events) => {
      const hop = { host, port, events, sent: [] as Array<string>, closed: false }
      hops.push(hop)
      return { send: (text) => hop.sent.push(text), close: () => (hop.closed = true) }
    }
  )
  const take = () => {
    const text = output
    output = ""
    return text
  }
  return { shell, hops, take, closed: () => closed }
}

describe("the bastion's shell", () => {
  it("edits the line with backspace and drops it on Ctrl-C", () => {
    const { shell, take } = shellWithFakeHop()
    expect(take()).toBe(prompt)
    shell.input("unamx\u007fe -sr\r\n")
    expect(take()).toBe(`unamx\b \be -sr\r\nLinux 5.15.0\r\n${prompt}`)
    shell.input("junk\u0003")
    expect(take()).toBe(`junk^C\r\n${prompt}`)
  })

  it("defaults telnet to port 23, keeps text typed while connecting for the target, then pipes", () => {
    const { shell, hops, take } = shellWithFakeHop()
    take()
    shell.input("telnet router1\rcisco\r")
    expect(hops.map(({ host, port }) => ({ host, port }))).toEqual([{ host: "router1", port: 23 }])
    hops[0]!.events.onConnected()
    expect(take()).toBe("telnet router1\r\nTrying router1...\r\nConnected to router1.\r\nEscape character is '^]'.\r\n")
    expect(hops[0]!.sent).toEqual(["cisco\r"])
    hops[0]!.events.onText(Buffer.from("Password: "))
    shell.input("secret\r")
    expect(take()).toBe("Password: ")
    expect(hops[0]!.sent).toEqual(["cisco\r", "secret\r"])
  })

  it("answers a bad port with the usage, and closes the hop when the session ends", () => {
    const { shell, hops, take } = shellWithFakeHop()
    take()
    shell.input("telnet router1 http\r")
    expect(take()).toBe(`telnet router1 http\r\nusage: telnet host [port]\r\n${prompt}`)
    shell.input("telnet router1 2001\r")
    shell.ended()
    expect(hops[0]!.closed).toBe(true)
  })

  it("logs out on exit", () => {
    const { shell, take, closed } = shellWithFakeHop()
    take()
    shell.input("exit\r")
    expect(take()).toBe("exit\r\nlogout\r\n")
    expect(closed()).toBe(true)
  })
})
