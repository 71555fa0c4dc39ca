import { asr9kPx533, ncs5500613 } from "@csm/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { catalogReleases } from "../testing/events.ts"
import type { TestServer } from "../testing/server.ts"
import { startServer } from "../testing/server.ts"

// The routes of API.md §6 over the hand-built releases of the core's tests; the guide's answers on
// the bundled sample catalog are checked end to end against the built server.

const viewer = ["viewer", "viewer-pw"] as const
const failed = (status_message: string) => ({ api_response: { status: "FAILED", status_message } })
const names = (body: unknown) =>
  (body as { api_response: { software_list: Array<{ name: string }> } }).api_response.software_list.map((row) => row.name)
const smu = (ddts: string) => `asr9k-px-5.3.3.${ddts}`

describe("/api/v1/cco (API.md §6)", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it("answers an empty catalog before the first snapshot, then platform → releases", async () => {
    expect((await server.get("/api/v1/cco/catalog", viewer)).body).toEqual({ api_response: {} })
    await server.run(catalogReleases([
      { platform: "asr9k_px", release: "5.3.3", entries: asr9kPx533 },
      { platform: "ncs5500", release: "6.1.3", entries: ncs5500613 }
    ]))
    expect(await server.get("/api/v1/cco/catalog", viewer)).toMatchObject({
      status: 200,
      body: { api_response: { asr9k_px: ["5.3.3"], ncs5500: ["6.1.3"] } }
    })
  })

  it("lists the optimal software, everything posted, and filters by date", async () => {
    const optimal = await server.get("/api/v1/cco/software?platform=asr9k_px&release=5.3.3", viewer)
    expect(optimal.status).toBe(200)
    expect(names(optimal.body)).toEqual([
      ...["CSCux24553", "CSCux31992", "CSCux89921", "CSCuy03335", "CSCuy58113", "CSCuz05961", "CSCva10652", "CSCva29114"].map(smu),
      smu("sp2")
    ])
    const row = (optimal.body as { api_response: { software_list: Array<Record<string, unknown>> } }).api_response.software_list
      .find((r) => r["id"] === "AA11833")
    // Every value a string, lists comma-joined, in the guide's keys.
    expect(Object.keys(row!).sort()).toEqual([
      "composite_DDTS", "compressed_image_size", "ddts", "description", "functional_areas", "id", "impact", "name",
      "package_bundles", "posted_date", "prerequisites", "status", "superseded_by", "supersedes", "type", "uncompressed_image_size"
    ])
    expect(Object.values(row!).every((value) => typeof value === "string")).toBe(true)
    expect(row).toMatchObject({ name: smu("CSCva29114"), status: "Posted", posted_date: "08/08/2016 12:57:37 PDT", compressed_image_size: "0" })
    const dated = await server.get("/api/v1/cco/software?platform=asr9k_px&release=5.3.3&date=4-20-2016", viewer)
    expect(names(dated.body)).toEqual([...["CSCux24553", "CSCuy58113", "CSCuz05961", "CSCva10652", "CSCva29114"].map(smu), smu("sp2")])
    const all = await server.get("/api/v1/cco/software?platform=ASR9K&release=5.3.3[Default]&optimal=FALSE", viewer)
    expect(names(all.body)).toContain(smu("CSCux32820"))
    expect(names(all.body)).toContain(smu("sp1"))
    const future = await server.get("/api/v1/cco/software?platform=asr9k_px&release=5.3.3&date=01-01-2030", viewer)
    expect([future.status, future.body]).toEqual([200, { api_response: { software_list: [] } }])
  })

  it("refuses missing, malformed and unknown parameters with 400 and a sentence", async () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["release=5.3.3", "The following required parameter, 'platform', is missing."],
      ["platform=asr9k_px", "The following required parameter, 'release', is missing."],
      ["platform=asr9k_px&release=9.9.9", "Unable to get software information for platform asr9k_px and release 9.9.9"],
      ["platform=nope&release=5.3.3", "Unable to get software information for platform nope and release 5.3.3"],
      ["platform=asr9k_px&release=6.2", "Unable to get software information for platform asr9k_px and release 6.2"],
      ["platform=asr9k_px&release=5.3.3&date=02-30-2016", "The date '02-30-2016' is not a date in mm-dd-yyyy format."],
      ["platform=asr9k_px&release=5.3.3&optimal=maybe", "The parameter 'optimal' must be 'true' or 'false'."],
      ["platform=asr9k_px&release=5.3.3&sort=name", "Following parameter, 'sort', is not allowed."]
    ]
    for (const [query, message] of cases) {
      const answer = await server.get(`/api/v1/cco/software?${query}`, viewer)
      expect([answer.status, answer.body]).toEqual([400, failed(message)])
    }
  })

  it("looks an entry up by name, id or device name, with the ids it names; 404 otherwise", async () => {
    for (const key of ["AA11308", "aa11308", smu("CSCuz05961"), "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"]) {
      const answer = await server.get(`/api/v1/cco/software/${encodeURIComponent(key)}?platform=asr9k_px&release=5.3.3`, viewer)
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({
        api_response: {
          id: "AA11308",
          prerequisites_smu_ids: "AA11262",
          supersedes_smu_ids: "AA11011,AA11051,AA11161,AA11159,AA11117,AA11223,AA10928,AA11036,AA10944",
          superseded_by_smu_ids: ""
        }
      })
    }
    const tar = await server.get("/api/v1/cco/software/AA10801?platform=asr9k_px&release=5.3.3", viewer)
    expect(tar.body).toMatchObject({ api_response: { name: "ASR9K-iosxr-px-k9-5.3.3.tar" } })
    const missing = await server.get("/api/v1/cco/software/AA99999?platform=asr9k_px&release=5.3.3", viewer)
    expect([missing.status, missing.body]).toEqual([404, failed("Unable to locate AA99999")])
    const noRelease = await server.get("/api/v1/cco/software/AA11308?platform=asr9k_px", viewer)
    expect([noRelease.status, noRelease.body]).toEqual([400, failed("The following required parameter, 'release', is missing.")])
  })

  it("optimises software: prerequisites added, superseded inputs dropped, warnings only when there are some", async () => {
    const packages = [" disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0", "asr9k-px-5.3.3.CSCux32820.pie", "asr9k-px-5.3.3.CSCva29114",
      "asr9k-mgbl-px.pie-5.3.3", "hello"]
    const answer = await server.get(`/api/v1/cco/get_optimized_software?software_packages=${encodeURIComponent(packages.join(","))}`, viewer)
    expect([answer.status, answer.body]).toEqual([200, {
      api_response: {
        software_list: [
          { software_package: "asr9k-px-5.3.3.CSCux24553.pie", is: "Pre-requisite", description: "Platform infra update required by later ETHER SMUs" },
          { software_package: "asr9k-px-5.3.3.CSCuz05961.pie", is: "SMU/SP", description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE" },
          { software_package: "asr9k-px-5.3.3.CSCva29114.pie", is: "SMU/SP", description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing" },
          { software_package: "asr9k-mgbl-px.pie-5.3.3", is: "Package", description: "" },
          { software_package: "hello", is: "Unrecognized", description: "" }
        ]
      }
    }])
    const lone = await server.get("/api/v1/cco/get_optimized_software?software_packages=asr9k-px-5.3.3.CSCux32820.pie", viewer)
    expect(lone.body).toEqual({
      api_response: {
        software_list: [{ software_package: "asr9k-px-5.3.3.CSCux32820.pie", is: "SMU/SP", description: expect.any(String) }],
        warnings: ["asr9k-px-5.3.3.CSCux32820 is superseded by asr9k-px-5.3.3.CSCuz05961."]
      }
    })
    for (const query of ["", "?software_packages=", "?software_packages=,%20,"]) {
      const refused = await server.get(`/api/v1/cco/get_optimized_software${query}`, viewer)
      expect([refused.status, refused.body]).toEqual([400, failed("The following required parameter, 'software_packages', is missing.")])
    }
  })

  it("refuses callers without credentials, and writes nothing", async () => {
    const before = await server.logLength()
    expect((await server.get("/api/v1/cco/catalog")).status).toBe(401)
    await server.get("/api/v1/cco/software?platform=asr9k_px&release=5.3.3&date=bad", viewer)
    expect(await server.logLength()).toBe(before)
  })
})
