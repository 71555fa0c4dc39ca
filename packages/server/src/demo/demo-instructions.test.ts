import { execFileSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import { chainHost, chainRequest, shellQuote } from "./demo-instructions.ts"
import type { DemoHost, DemoLab } from "./demo-lab.ts"
import { demoRegistration } from "./demo-registration.ts"

const host = (hostname: string, os: "xr" | "exr", viaJumpHost: boolean, restartPackages: ReadonlyArray<string> = []): DemoHost => ({
  hostname,
  os,
  release: os === "xr" ? "5.3.3" : "6.1.2",
  transport: "telnet",
  port: 40000,
  viaJumpHost,
  username: "cisco",
  password: "cisco",
  repository: { hostname: `repo-${os}`, server_type: "TFTP", tftp_server_path: `10.1.1.10/${os}` },
  packages: ["a.pie", "b.pie", "c.pie"],
  restartPackages
})

const lab: DemoLab = {
  hosts: [host("behind", "xr", true), host("exr", "exr", false), host("classic", "xr", false, ["c.pie"])],
  jumpHost: { name: "jump", port: 40100, username: "csm", password: "csm" },
  timeScale: 0.01
}

describe("the demo's instructions and registrations", () => {
  it("quote any text as one shell word", () => {
    const text = `it's "quoted" $HOME`
    expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(text)}`], { encoding: "utf8" })).toBe(text)
  })

  it("chain on a classic host reached directly, with its quick packages, else any of its packages", () => {
    expect(chainHost(lab)?.hostname).toBe("classic")
    expect(chainRequest(lab.hosts[2]!)).toEqual([
      { hostname: "classic", install_action: "Pre-Upgrade", command_profile: "Demo checks" },
      { hostname: "classic", install_action: "Add", server_repository: "repo-xr", software_packages: ["c.pie"] },
      { hostname: "classic", install_action: "Activate", software_packages: ["c.pie"] },
      { hostname: "classic", install_action: "Post-Upgrade", command_profile: "Demo checks" },
      { hostname: "classic", install_action: "Commit" }
    ])
    expect(chainRequest(lab.hosts[0]!)[1]).toMatchObject({ software_packages: ["a.pie", "b.pie"] })
  })

  it("register each repository once, before the region that offers it, and the jump host before the host behind it", () => {
    const requests = demoRegistration(lab)
    expect(requests.map(({ path }) => path)).toEqual([
      "/api/v1/server_repositories", "/api/v1/regions", "/api/v1/custom_command_profiles", "/api/v1/jump_hosts", "/api/v1/hosts"
    ])
    expect(requests[0]?.rows.map((row) => (row as { hostname: string }).hostname)).toEqual(["repo-xr", "repo-exr"])
    expect(requests[1]?.rows).toEqual([{ region_name: "Demo Lab", server_repositories: ["repo-xr", "repo-exr"] }])
    expect(requests[4]?.rows.map((row) => (row as { jump_host?: string }).jump_host)).toEqual(["jump", undefined, undefined])
  })
})
