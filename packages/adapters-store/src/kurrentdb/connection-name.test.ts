import { describe, expect, it } from "vitest"
import { kurrentHosts } from "./connection-name.ts"

describe("kurrentHosts", () => {
  it("shows the hosts of a connection string, never its credentials or settings", () => {
    expect(kurrentHosts("kurrentdb://127.0.0.1:2113?tls=false")).toBe("127.0.0.1:2113")
    expect(kurrentHosts("kurrentdb://admin:s3cret@a:2113,b:2113/?tls=false")).toBe("a:2113,b:2113")
    expect(kurrentHosts("kurrentdb+discover://admin:p@ss@cluster.local:2113")).toBe("cluster.local:2113")
    expect(kurrentHosts("esdb://db")).toBe("db")
  })
})
