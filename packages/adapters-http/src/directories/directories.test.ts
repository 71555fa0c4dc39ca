import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const netadmin = ["netadmin", "netadmin-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })

describe("regions, jump hosts, server repositories, command profiles (API.md §4)", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it("server repositories: bulk upsert with per-type keys; passwords never come back", async () => {
    const saved = await server.post("/api/v1/server_repositories", [
      { hostname: "My Repository", server_type: "SFTP", server_address: "10.0.0.5", home_directory: "/images", username: "u", password: "repo-secret" },
      { hostname: "Local", server_type: "LOCAL", device_path: "harddisk:" },
      { hostname: "Bad", server_type: "TFTP", username: "u" }
    ], netadmin)
    expect([saved.status, saved.body]).toEqual([207, {
      api_response: {
        server_repository_list: [
          { hostname: "My Repository", status: "SUCCESS" },
          { hostname: "Local", status: "SUCCESS" },
          { hostname: "Bad", status: "FAILED", status_message: "The following key, 'username', is invalid for server type TFTP." }
        ]
      }
    }])
    const listed = await server.get("/api/v1/server_repositories?hostname=my repository", netadmin)
    expect(listed.body).toEqual({
      api_response: {
        server_repository_list: [{
          hostname: "My Repository",
          server_type: "SFTP",
          server_address: "10.0.0.5",
          home_directory: "/images",
          username: "u",
          password_set: true
        }]
      }
    })
    expect((await server.get("/api/v1/server_repositories", netadmin)).text).not.toContain("repo-secret")
  })

  it("regions name repositories that exist", async () => {
    const saved = await server.post("/api/v1/regions", [
      { region_name: "SJ Labs", server_repositories: "my repository" },
      { region_name: "Nowhere", server_repositories: ["Ghost"] },
      { region_name: "Odd", colour: "red", size: 2 },
      { region_name: 7 }
    ], netadmin)
    expect(saved.body).toEqual({
      api_response: {
        region_list: [
          { region_name: "SJ Labs", status: "SUCCESS" },
          { region_name: "Nowhere", status: "FAILED", status_message: `Server repository "Ghost" does not exist.` },
          { region_name: "Odd", status: "FAILED", status_message: "The following keys, 'colour,size', are invalid." },
          { status: "FAILED", status_message: "'region_name' must be a string." }
        ]
      }
    })
    expect((await server.get("/api/v1/regions", netadmin)).body).toEqual({
      api_response: { region_list: [{ region_name: "SJ Labs", server_repositories: ["My Repository"] }] }
    })
  })

  it("jump hosts and command profiles", async () => {
    const jump = await server.post("/api/v1/jump_hosts", { hostname: "Bastion", connection_type: "ssh", host_or_ip: "10.0.0.1", port_number: 2222 }, netadmin)
    expect([jump.status, jump.body]).toEqual([200, { api_response: { jump_host_list: [{ hostname: "Bastion", status: "SUCCESS" }] } }])
    const profile = await server.post("/api/v1/custom_command_profiles", [
      { profile_name: "Test Commands", command_list: ["show version", "show install active"] },
      { profile_name: "Empty", command_list: [] }
    ], netadmin)
    expect(profile).toMatchObject({
      status: 207,
      body: {
        api_response: {
          custom_command_profile_list: [
            { profile_name: "Test Commands", status: "SUCCESS" },
            { profile_name: "Empty", status: "FAILED", status_message: "'command_list' must hold at least one command." }
          ]
        }
      }
    })
    expect((await server.get("/api/v1/custom_command_profiles?profile_name=Test Commands", netadmin)).body).toEqual({
      api_response: { custom_command_profile_list: [{ profile_name: "Test Commands", command_list: ["show version", "show install active"] }] }
    })
    expect((await server.get("/api/v1/jump_hosts?hostname=Ghost", netadmin)).body).toEqual(failed("Unknown jump host 'Ghost'."))
  })

  it("deletes by name (percent-decoded); refuses what is unknown or still used", async () => {
    expect(await server.delete("/api/v1/server_repositories/My%20Repository/delete", netadmin)).toMatchObject({
      status: 400,
      body: failed(`Server repository "My Repository" cannot be deleted: it is used by region "SJ Labs".`)
    })
    expect(await server.delete("/api/v1/regions/sj%20labs/delete", netadmin)).toMatchObject({
      status: 200,
      body: { api_response: { region_name: "SJ Labs", status: "SUCCESS" } }
    })
    expect(await server.delete("/api/v1/server_repositories/My%20Repository/delete", netadmin)).toMatchObject({
      status: 200,
      body: { api_response: { hostname: "My Repository", status: "SUCCESS" } }
    })
    expect(await server.delete("/api/v1/regions/SJ%20Labs/delete", netadmin)).toMatchObject({
      status: 400,
      body: failed("Unable to locate region SJ Labs")
    })
    for (const [route, name] of [["jump_hosts", "Bastion"], ["custom_command_profiles", "Test%20Commands"]]) {
      expect((await server.delete(`/api/v1/${route}/${name}/delete`, netadmin)).status).toBe(200)
    }
  })
})
