import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { dig } from "../testing/client.ts"
import { discovered, jobEvents } from "../testing/events.ts"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

const netadmin = ["netadmin", "netadmin-pw"] as const
const viewer = ["viewer", "viewer-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })

const host = (hostname: string, extra: Record<string, unknown> = {}) => ({
  hostname,
  region: "SJ Labs",
  connection_type: "telnet",
  ts_or_ip: "172.28.98.2",
  ...extra
})

describe("/api/v1/hosts (API.md §5)", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
    await server.post("/api/v1/regions", [{ region_name: "SJ Labs" }, { region_name: "RTP-SVS" }], netadmin)
  })
  afterAll(() => server.close())

  it("creates and updates hosts row by row; secrets are never listed", async () => {
    const saved = await server.post("/api/v1/hosts", [
      host("My Host 1", { roles: "PE", username: "cisco", password: "cisco-secret" }),
      host("x", { region: "Nowhere" }),
      host("Bad/Name"),
      host("R2", { ts_or_ip: ["10.0.0.1", "10.0.0.2"], port_number: "2001,2002", enable_password: "en-secret" })
    ], netadmin)
    expect([saved.status, saved.body]).toEqual([207, {
      api_response: {
        host_list: [
          { hostname: "My Host 1", status: "SUCCESS" },
          { hostname: "x", status: "FAILED", status_message: `Region "Nowhere" does not exist.` },
          { hostname: "Bad/Name", status: "FAILED", status_message: "'hostname' must not contain '/'." },
          { hostname: "R2", status: "SUCCESS" }
        ]
      }
    }])
    const updated = await server.post("/api/v1/hosts", { hostname: "my host 1", location: "Lab 3" }, netadmin)
    expect([updated.status, updated.body]).toEqual([200, { api_response: { host_list: [{ hostname: "my host 1", status: "SUCCESS" }] } }])
    const listed = await server.get("/api/v1/hosts?hostname=My Host 1", viewer)
    expect(listed.body).toEqual({
      api_response: {
        host_list: [{
          hostname: "My Host 1",
          region: "SJ Labs",
          roles: "PE",
          connection_type: "telnet",
          ts_or_ip: "172.28.98.2",
          port_number: "",
          host_username: "cisco",
          jump_host: "",
          location: "Lab 3",
          family: "",
          hardware: "",
          os_type: "",
          software_platform: "",
          software_version: "",
          created_by: "netadmin",
          created_time: dig(listed.body, "api_response", "host_list", 0, "created_time")
        }]
      },
      current_page: 1,
      total_pages: 1
    })
    expect(String(dig(listed.body, "api_response", "host_list", 0, "created_time"))).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    const all = await server.get("/api/v1/hosts", viewer)
    expect(all.text).not.toMatch(/secret/)
    expect(dig(all.body, "api_response", "host_list", 1)).toMatchObject({ hostname: "R2", ts_or_ip: "10.0.0.1,10.0.0.2", port_number: "2001,2002" })
  })

  it("filters by region and family, pages by 1000, and names what it does not know", async () => {
    await server.post("/api/v1/hosts", host("R9", { region: "RTP-SVS" }), netadmin)
    await server.run(discovered("R9", { family: "ASR9K", hardware: "ASR-9006", os_type: "XR", software_platform: "ASR9K", software_version: "5.3.0" }))
    const byFamily = await server.get("/api/v1/hosts?region=RTP-SVS&family=asr9k", viewer)
    expect(byFamily.body).toMatchObject({
      api_response: { host_list: [{ hostname: "R9", family: "ASR9K", hardware: "ASR-9006", software_version: "5.3.0" }] },
      current_page: 1,
      total_pages: 1
    })
    expect((await server.get("/api/v1/hosts?region=SJ%20Labs&family=NCS5500", viewer)).body).toEqual({
      api_response: { host_list: [] },
      current_page: 1,
      total_pages: 0
    })
    expect(await server.get("/api/v1/hosts?region=Mars", viewer)).toMatchObject({ status: 400, body: failed("Unknown region 'Mars'.") })
    expect(await server.get("/api/v1/hosts?hostname=R77", viewer)).toMatchObject({ status: 400, body: failed("Unknown hostname 'R77'.") })
    expect(await server.get("/api/v1/hosts?page=2", viewer)).toMatchObject({ status: 400, body: failed("Unknown page number '2'.") })
    expect(await server.get("/api/v1/hosts?page=0", viewer)).toMatchObject({ status: 400, body: failed("Page number '0' is not a positive integer.") })
  })

  it("pages hold 1000 hosts, ordered by hostname ignoring case", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => host(`H${String(i).padStart(4, "0")}`))
    expect((await server.post("/api/v1/hosts", many, netadmin)).status).toBe(200)
    const names = (reply: { readonly body: unknown }) =>
      (dig(reply.body, "api_response", "host_list") as ReadonlyArray<unknown>).map((row) => dig(row, "hostname"))
    const first = await server.get("/api/v1/hosts", viewer)
    expect(first.body).toMatchObject({ current_page: 1, total_pages: 2 })
    expect(names(first)).toHaveLength(1000)
    expect(names(first)[0]).toBe("H0000")
    const second = await server.get("/api/v1/hosts?page=2", viewer)
    expect(second.body).toMatchObject({ current_page: 2, total_pages: 2 })
    expect(names(second)).toEqual(["H1000", "My Host 1", "R2", "R9"])
  })

  it("deletes a host by its percent-decoded name; refuses an unknown one and one with a running job", async () => {
    const deleted = await server.delete("/api/v1/hosts/My%20Host%201/delete", netadmin)
    expect([deleted.status, deleted.body]).toEqual([200, { api_response: { hostname: "My Host 1", status: "SUCCESS" } }])
    expect(await server.delete("/api/v1/hosts/My%20Host/delete", netadmin)).toMatchObject({ status: 400, body: failed("Unable to locate host My Host") })
    const scheduled = await server.post("/api/v1/install", [{ hostname: "R2", install_action: "Commit" }], ["operator", "operator-pw"])
    const id = Number(dig(scheduled.body, "api_response", "install_job_list", 0, "id"))
    await server.run(jobEvents(id, "in-progress"))
    expect(await server.delete("/api/v1/hosts/R2/delete", netadmin)).toMatchObject({
      status: 400,
      body: failed(`Unable to delete host R2 as install job ${id} is in progress.`)
    })
  })

  it("a page served again reflects every change made since, however small", async () => {
    const location = async () => {
      const page = await server.get("/api/v1/hosts?hostname=Cached", viewer)
      return dig(page.body, "api_response", "host_list", 0, "location")
    }
    await server.post("/api/v1/hosts", host("Cached", { location: "A" }), netadmin)
    expect(await location()).toBe("A")
    expect(await location()).toBe("A")
    await server.post("/api/v1/hosts", { hostname: "Cached", location: "B" }, netadmin)
    expect(await location()).toBe("B")
  })
})
