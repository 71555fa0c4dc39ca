import { describe, expect, it } from "vitest"
import { reasonOfDeviceText, reasonOfSocketError, targetFailed } from "./connection-failure.ts"
import { targetList, targetUrl } from "./targets.ts"

describe("targets", () => {
  it("pairs every address with every port, address-major", () => {
    const targets = targetList({ connection_type: "telnet", ts_or_ip: ["10.0.0.1", "10.0.0.2"], port_number: [2001, 2002] })
    expect(targets.map((t) => `${t.host}:${t.port}`)).toEqual(["10.0.0.1:2001", "10.0.0.1:2002", "10.0.0.2:2001", "10.0.0.2:2002"])
  })

  it("uses the protocol's default port", () => {
    expect(targetList({ connection_type: "telnet", ts_or_ip: ["a"], port_number: [] })).toEqual([{ host: "a", port: 23 }])
    expect(targetList({ connection_type: "ssh", ts_or_ip: ["a"], port_number: [] })).toEqual([{ host: "a", port: 22 }])
  })

  it("puts the target that last worked first", () => {
    const targets = targetList({ connection_type: "ssh", ts_or_ip: ["10.0.0.1", "10.0.0.2"], port_number: [] }, "10.0.0.2:22")
    expect(targets.map((t) => t.host)).toEqual(["10.0.0.2", "10.0.0.1"])
    expect(targetList({ connection_type: "ssh", ts_or_ip: ["x"], port_number: [] }, "gone:22")).toEqual([{ host: "x", port: 22 }])
  })

  it("shows a URL with the user and never a password", () => {
    expect(targetUrl("telnet", "cisco", { host: "10.1.1.1", port: 23 })).toBe("telnet://cisco@10.1.1.1:23")
    expect(targetUrl("ssh", undefined, { host: "10.1.1.1", port: 22 })).toBe("ssh://10.1.1.1:22")
  })
})

describe("connection failures", () => {
  const target = { host: "10.1.1.1", port: 23 }

  it("words each failure as DEVICE.md §8 does", () => {
    expect(targetFailed(target, reasonOfSocketError({ code: "ECONNREFUSED" })).message).toBe("Connection error: 10.1.1.1:23: Connection refused")
    expect(targetFailed(target, reasonOfSocketError({ code: "ENOTFOUND" })).message).toBe("Connection error: 10.1.1.1: Unknown host")
    expect(targetFailed(target, reasonOfSocketError({ code: "EHOSTUNREACH" })).message).toBe("Connection error: 10.1.1.1:23: No route to host")
    expect(targetFailed(target, "Authentication failed", true)).toMatchObject({ fatal: true })
  })

  it("reads a jump host client's complaint", () => {
    expect(reasonOfDeviceText("telnet: Unable to connect to remote host: Connection refused")).toBe("Connection refused")
    expect(reasonOfDeviceText("ssh: Could not resolve hostname x")).toBe("Unknown host")
    expect(reasonOfDeviceText("% Destination unreachable; gateway or host down")).toBe("No route to host")
    expect(reasonOfDeviceText("Trying 10.0.0.9...\nsomething odd happened\n")).toBe("something odd happened")
  })
})
