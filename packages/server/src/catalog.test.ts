import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { Credentials } from "../../adapters-http/src/testing/client.ts"
import { closedPort } from "./testing/closed-port.ts"
import { printedPassword, startServer, temporaryDirectory } from "./testing/server-process.ts"

const tmp = temporaryDirectory()
afterAll(tmp.remove)

const guideRecord = {
  composite_DDTS: "",
  compressed_image_size: "113616329",
  ddts: "CSCuz05961",
  description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE",
  functional_areas: "ETHER",
  id: "AA11308",
  impact: "Needs Reboot",
  name: "asr9k-px-5.3.3.CSCuz05961",
  package_bundles: "asr9k-mini-px",
  posted_date: "04/27/2016 21:39:38 PDT",
  prerequisites: "asr9k-px-5.3.3.CSCux24553",
  prerequisites_smu_ids: "AA11262",
  status: "Posted",
  superseded_by: "",
  superseded_by_smu_ids: "",
  supersedes: ["CSCtz68435", "CSCux32820", "CSCuv63743", "CSCuy75598", "CSCuy47708", "CSCuy71556", "CSCux20499", "CSCuy32183", "CSCux85576"]
    .map((ddts) => `asr9k-px-5.3.3.${ddts}`).join(","),
  supersedes_smu_ids: "AA11011,AA11051,AA11161,AA11159,AA11117,AA11223,AA10928,AA11036,AA10944",
  type: "Optional",
  uncompressed_image_size: "181961047"
}

const catalog = {
  asr9k_px: ["6.0.0", "5.3.3", "5.3.2", "5.3.1"],
  asr9k_x64: ["6.1.2"],
  crs_px: ["5.3.3", "5.3.2"],
  ncs5500: ["6.1.3"],
  ncs6k: ["5.2.5", "5.2.4", "5.2.3"],
  ncs6k_sysadmin: ["5.2.5", "5.2.4", "5.2.3"]
}

describe("the CCO catalog of csm-server (CCO.md §4, §7)", () => {
  it("answers the guide from the bundled catalog, and from the last snapshots after a restart on an unreachable source", async () => {
    const env = { CSM_DATA_DIR: join(tmp.path, "data") }
    const first = await startServer(env)
    const admin: Credentials = ["admin", printedPassword(first)]
    try {
      await first.waitForLine(/CCO catalog refreshed from/)
      expect((await first.get("/api/v1/cco/catalog", admin)).body).toEqual({ api_response: catalog })
      expect((await first.get("/api/v1/cco/software/AA11308?platform=asr9k_px&release=5.3.3", admin)).body)
        .toEqual({ api_response: guideRecord })
      expect((await first.get("/healthz")).body).toEqual({ status: "ok" })
    } finally {
      expect(await first.stop()).toEqual({ code: 0, signal: null })
    }

    const unreachable = `http://cco-user:cco-secret@127.0.0.1:${await closedPort()}/cco/`
    const second = await startServer({ ...env, CSM_CCO_SOURCE: unreachable, CSM_CCO_REFRESH_SECONDS: "0" })
    try {
      await second.waitForLine(/CCO catalog source is unavailable/)
      expect((await second.get("/healthz")).body).toEqual({ status: "ok" })
      expect((await second.get("/api/v1/cco/catalog", admin)).body).toEqual({ api_response: catalog })
      expect((await second.get("/api/v1/cco/software/asr9k-px-5.3.3.CSCuz05961?platform=asr9k_px&release=5.3.3", admin)).body)
        .toEqual({ api_response: guideRecord })
      expect(second.stdout.filter((line) => line.includes("unavailable"))).toHaveLength(1)
      expect([...second.stdout, ...second.stderr].join("\n")).not.toContain("cco-secret")
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null })
    }
  })

  it("starts with an empty catalog when the source never answered", async () => {
    const server = await startServer({ CSM_STORE: "memory", CSM_CCO_SOURCE: join(tmp.path, "no-such-directory") })
    const admin: Credentials = ["admin", printedPassword(server)]
    try {
      await server.waitForLine(/CCO catalog source is unavailable/)
      expect((await server.get("/api/v1/cco/catalog", admin)).body).toEqual({ api_response: {} })
      expect((await server.get("/api/v1/cco/software?platform=asr9k_px&release=5.3.3", admin)).body).toEqual({
        api_response: { status: "FAILED", status_message: "Unable to get software information for platform asr9k_px and release 5.3.3" }
      })
    } finally {
      await server.stop()
    }
  })
})
