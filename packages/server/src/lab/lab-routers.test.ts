import { describe, expect, it } from "vitest"
import { labRouterLine, planLabRouters } from "./lab-routers.ts"
import type { LabOsKind, LabSoftware } from "./lab-software.ts"

const softwareOf = (os: LabOsKind): LabSoftware => {
  const file = os === "xr" ? "asr9k-px-5.3.3.CSCuz05961.pie" : "asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904.x86_64.rpm"
  return {
    release: os === "xr" ? "5.3.3" : "6.1.2",
    packages: { xr: { active: [`${os}-base`], inactive: [], committed: [`${os}-base`] } },
    files: { [file]: { internalNames: [`${os}-smu`], size: 1, method: "restart" } },
    installable: [file]
  }
}

describe("the lab's routers", () => {
  it("alternates classic and eXR, names them uniquely and spaces their ports two apart", () => {
    const plans = planLabRouters({ count: 3, os: "mixed", basePort: 20000, timeScale: 0.01 }, softwareOf)
    expect(plans.map(({ hostname, os, sshPort, telnetPort }) => ({ hostname, os, sshPort, telnetPort }))).toEqual([
      { hostname: "lab-xr-01", os: "xr", sshPort: 20000, telnetPort: 20001 },
      { hostname: "lab-exr-02", os: "exr", sshPort: 20002, telnetPort: 20003 },
      { hostname: "lab-xr-03", os: "xr", sshPort: 20004, telnetPort: 20005 }
    ])
  })

  it("serves each router's repository at the URL its server repository builds", () => {
    const [plan] = planLabRouters({ count: 1, os: "exr", basePort: undefined, timeScale: 0.5 }, softwareOf)
    expect(plan?.repository).toEqual({ hostname: "lab-tftp-exr-6.1.2", server_type: "TFTP", tftp_server_path: "10.1.1.10/images/612" })
    expect(plan?.config).toMatchObject({
      flavour: "exr",
      hostname: "lab-exr-01",
      softwareVersion: "6.1.2",
      timeScale: 0.5,
      users: [{ username: "cisco", password: "cisco" }],
      repositories: { "tftp://10.1.1.10/images/612": { files: softwareOf("exr").files } }
    })
    expect(plan?.sshPort).toBeUndefined()
  })

  it("prints one JSON line with the ports the router got", () => {
    const [plan] = planLabRouters({ count: 1, os: "xr", basePort: undefined, timeScale: undefined }, softwareOf)
    expect(plan?.config.timeScale).toBeUndefined()
    expect(JSON.parse(labRouterLine(plan!, { sshPort: 40001, telnetPort: 40002 }))).toEqual({
      hostname: "lab-xr-01",
      os: "xr",
      ssh_port: 40001,
      telnet_port: 40002,
      username: "cisco",
      password: "cisco",
      repository: { hostname: "lab-tftp-xr-5.3.3", server_type: "TFTP", tftp_server_path: "10.1.1.10/images/533" },
      packages: ["asr9k-px-5.3.3.CSCuz05961.pie"]
    })
  })
})
