import { deviceNameOf } from "@csm/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ServerProcess } from "../packages/server/src/testing/server-process.ts"
import { temporaryDirectory } from "../packages/server/src/testing/server-process.ts"
import type { CatalogRouter } from "./harness/catalog-routers.ts"
import { asr9kAt533, ncs5500At613 } from "./harness/catalog-routers.ts"
import { getOk, startCsm } from "./harness/csm.ts"
import { isFinished, schedule, waitForJobs } from "./harness/jobs.ts"
import { addHosts, addRegion, addTftpRepository, makeLab } from "./harness/lab.ts"

/**
 * CCO.md §7, last paragraph: the server's catalog and the simulated routers agree. A router's optimal
 * list, optimised, installs as is (Add then Activate), and the optimiser recognises the result.
 */

const TIME_SCALE = 0.001
const tmp = temporaryDirectory()
const lab = makeLab()
let server: ServerProcess

beforeAll(async () => {
  server = await startCsm({ timeScale: TIME_SCALE, dataDir: tmp.path })
  await addRegion(server)
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await lab.stop()
  tmp.remove()
})

interface OptimizedRow {
  readonly software_package: string
  readonly is: string
}

const optimized = async (names: ReadonlyArray<string>) =>
  (await getOk(server, `/api/v1/cco/get_optimized_software?software_packages=${encodeURIComponent(names.join(","))}`)) as {
    readonly software_list: ReadonlyArray<OptimizedRow>
    readonly warnings?: ReadonlyArray<string>
  }

const withoutDisk = (name: string) => name.replace(/^disk0:/, "")

const agreesWithTheCatalog = async (make: (timeScale: number) => Promise<CatalogRouter>) => {
  const catalogRouter = await make(TIME_SCALE)
  const hostname = `${catalogRouter.platform}-${catalogRouter.release}`
  const router = await lab.router(catalogRouter.config)
  await addTftpRepository(server, `repo-${hostname}`, catalogRouter.repositoryPath)
  await addHosts(server, [{ hostname, router, transport: "ssh" }])

  const { software_list } = (await getOk(server, `/api/v1/cco/software?platform=${catalogRouter.platform}&release=${catalogRouter.release}`)) as {
    readonly software_list: ReadonlyArray<{ readonly name: string }>
  }
  expect(software_list.length).toBeGreaterThan(0)
  const optimal = await optimized(software_list.map((row) => row.name))
  expect(optimal.warnings).toBeUndefined()
  expect(optimal.software_list.filter((row) => row.is !== "SMU/SP")).toEqual([])
  const files = optimal.software_list.map((row) => row.software_package)

  const [addId, activateId] = await schedule(server, [
    { hostname, install_action: "Add", server_repository: `repo-${hostname}`, software_packages: files },
    { hostname, install_action: "Activate", software_packages: files }
  ])
  const rows = await waitForJobs(server, (rows) => rows.length === 2 && rows.every(isFinished), 30_000, `hostname=${hostname}`)
  const [add, activate] = [addId, activateId].map((id) => rows.find((row) => row.id === id)!)
  expect(add).toMatchObject({ status: "completed", status_message: "" })
  expect(activate).toMatchObject({ status: "completed", status_message: "" })

  const deviceNames = files.map(deviceNameOf)
  const sorted = (names: ReadonlyArray<string>) => [...names].map(withoutDisk).sort()
  expect(sorted(add!.package_change_list.split(","))).toEqual(sorted(deviceNames))
  expect(sorted(activate!.package_change_list.split(","))).toEqual(sorted(deviceNames))
  const active = router.model.state().packages.xr.active
  expect(active).toEqual(expect.arrayContaining(deviceNames))

  const recognised = await optimized(active)
  for (const file of files) expect(recognised.software_list).toContainEqual(expect.objectContaining({ software_package: file, is: "SMU/SP" }))
}

describe("the bundled catalog and the simulated routers agree", () => {
  it("installs the optimal list of an ASR9K at 5.3.3, and recognises what it activated", () => agreesWithTheCatalog(asr9kAt533), 60_000)

  it("installs the optimal list of an NCS5500 at 6.1.3, and recognises what it activated", () => agreesWithTheCatalog(ncs5500At613), 60_000)

  // DEVICE.md §4: family from `show version` (`NCS-55` → NCS5500); software_platform is the family off ASR9K.
  it("knows the NCS5500 it reached as an NCS5500", async () => {
    const { host_list } = (await getOk(server, "/api/v1/hosts?hostname=ncs5500-6.1.3")) as { host_list: ReadonlyArray<Record<string, string>> }
    expect(host_list[0]).toMatchObject({ family: "NCS5500", hardware: "NCS-5508", os_type: "eXR", software_platform: "NCS5500", software_version: "6.1.3" })
  })
})
