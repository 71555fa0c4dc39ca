import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { bundledCatalogDirectory, parseReleaseDocument } from "@csm/adapters-cco"
import type { SimulatedRouterConfig } from "@csm/adapters-device"
import { Effect, Result } from "effect"
import type { LabSoftware } from "../../packages/server/src/lab/lab-software.ts"
import { labSoftwareOf, readLabSoftware } from "../../packages/server/src/lab/lab-software.ts"

/**
 * Simulated routers whose software is the bundled catalog's (CCO.md §7): an ASR9K at asr9k_px 5.3.3,
 * exactly as csm-lab makes it, and an NCS5500 at ncs5500 6.1.3, made the same way from its release file.
 */

export interface CatalogRouter {
  readonly platform: string
  readonly release: string
  /** The TFTP path of its repository (`tftp://<path>` on the router). */
  readonly repositoryPath: string
  readonly config: SimulatedRouterConfig
}

const routerOf = (software: LabSoftware, platform: string, config: Omit<SimulatedRouterConfig, "flavour">, flavour: SimulatedRouterConfig["flavour"]): CatalogRouter => {
  const repositoryPath = `10.1.1.10/images/${software.release.replaceAll(".", "")}`
  return {
    platform,
    release: software.release,
    repositoryPath,
    config: {
      flavour,
      packages: software.packages,
      softwareVersion: software.release,
      repositories: { [`tftp://${repositoryPath}`]: { files: software.files } },
      ...config
    }
  }
}

export const asr9kAt533 = async (timeScale: number): Promise<CatalogRouter> =>
  routerOf(await Effect.runPromise(readLabSoftware("xr")), "asr9k_px", { hostname: "ASR1", timeScale }, "xr")

const ncs5500Release = async () => {
  const file = "ncs5500_6.1.3.xml"
  const parsed = parseReleaseDocument(await readFile(join(bundledCatalogDirectory, file), "utf8"), file)
  if (Result.isFailure(parsed)) throw new Error(`The bundled ${file} does not parse: ${parsed.failure}`)
  return labSoftwareOf("exr", "6.1.3", parsed.success)
}

/**
 * An eXR router with an NCS-5508 chassis. `labSoftwareOf` names the eXR image package `asr9k-xr-<release>`
 * (it only knows the ASR9K); an NCS5500 runs `ncs5500-xr-<release>` and `ncs5500-sysadmin-<release>`.
 */
export const ncs5500At613 = async (timeScale: number): Promise<CatalogRouter> => {
  const software = await ncs5500Release()
  const xr = software.packages.xr.active.map((name) => name.replace(/^asr9k-xr-/, "ncs5500-xr-"))
  const admin = ["ncs5500-sysadmin-6.1.3"]
  return routerOf(
    { ...software, packages: { xr: { active: xr, inactive: [], committed: xr }, admin: { active: admin, inactive: [], committed: admin } } },
    "ncs5500",
    { hostname: "NCS1", timeScale, chassis: { pid: "NCS-5508", vid: "V01", sn: "FGE2046ABCD", descr: "NCS 5500 8 Slot Single Chassis" } },
    "exr"
  )
}
