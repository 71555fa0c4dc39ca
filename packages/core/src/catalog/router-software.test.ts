import { describe, expect, it } from "vitest"
import { asr9kPx533, entry, ncs5500613 } from "../testing/cco-sample-release.ts"
import { buildReleaseCatalog } from "./release-catalog.ts"
import { deviceNameOf, routerSoftwareOf } from "./router-software.ts"
import { packageKey } from "./package-name.ts"

describe("deviceNameOf (CCO.md §3.1)", () => {
  it("names classic pies, SPs, ncs6k 5.x SMUs and eXR RPMs as the router lists them", () => {
    expect(deviceNameOf("asr9k-px-5.3.3.CSCuz05961.pie")).toBe("disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0")
    expect(deviceNameOf("asr9k-px-5.3.3.sp2.pie")).toBe("disk0:asr9k-px-5.3.3.sp2-1.0.0")
    expect(deviceNameOf("ncs6k-sysadmin-5.2.4.CSCux17390.smu")).toBe("ncs6k-sysadmin-5.2.4.CSCux17390")
    expect(deviceNameOf("ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm")).toBe("ncs5500-dpa-3.0.0.22-r613.CSCve29118")
    expect(deviceNameOf("ASR9K-iosxr-px-k9-5.3.3.tar")).toBe("ASR9K-iosxr-px-k9-5.3.3.tar")
  })
})

describe("routerSoftwareOf", () => {
  it("offers every package of every available SMU and SP, each mapping back to its entry", () => {
    for (const [release, entries, smuSuffix] of [
      ["5.3.3", asr9kPx533, "pie"], ["6.1.3", ncs5500613, "rpm"]
    ] as const) {
      const catalog = buildReleaseCatalog("any", release, entries)
      const { repositoryFiles } = routerSoftwareOf({ release, header: { smu_suffix: smuSuffix }, entries })
      const offered = new Set(repositoryFiles.map(({ file }) => catalog.byKey.get(packageKey(file))))
      const available = catalog.available.flatMap((isAvailable, i) => (isAvailable ? [i] : []))
      expect([...offered].sort()).toEqual(available.sort())
      for (const { file, internalNames } of repositoryFiles) {
        expect(internalNames.map((name) => catalog.byKey.get(packageKey(name)))).toEqual([
          catalog.byKey.get(packageKey(file))
        ])
      }
    }
  })

  it("shares an SMU's size among its RPMs", () => {
    const smu = entry({
      id: "AA1", name: "ncs5500-6.1.3.CSCve17920", compressed_image_size: 3001,
      package_names: ["a-1.0.0.1-r613.CSCve17920.x86_64.rpm", "b-1.0.0.1-r613.CSCve17920.x86_64.rpm"]
    })
    const { repositoryFiles } = routerSoftwareOf({ release: "6.1.3", header: { smu_suffix: "rpm" }, entries: [smu] })
    expect(repositoryFiles.map(({ size }) => size)).toEqual([1501, 1501])
  })

  it("names the base packages of every packageBundles item per platform style", () => {
    const bundles = (package_bundles: ReadonlyArray<string>, package_names: ReadonlyArray<string> = []) =>
      entry({ id: `AA${package_bundles.join()}`, name: package_bundles.join(), package_bundles, package_names })
    expect(routerSoftwareOf({
      release: "5.3.3", header: { smu_suffix: "pie" },
      entries: [bundles(["asr9k-mpls-px", "asr9k-mini-px"]), bundles(["asr9k-mini-px"])]
    }).basePackages).toEqual(["disk0:asr9k-mini-px-5.3.3", "disk0:asr9k-mpls-px-5.3.3"])
    expect(routerSoftwareOf({ release: "5.2.4", header: { smu_suffix: "smu" }, entries: [bundles(["ncs6k-mgbl"])] })
      .basePackages).toEqual(["ncs6k-mgbl-5.2.4"])
    expect(routerSoftwareOf({
      release: "6.1.3", header: { smu_suffix: "rpm" },
      entries: [
        bundles(["ncs5500-dpa", "ncs5500-mpls"], ["ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm"])
      ]
    }).basePackages).toEqual(["ncs5500-dpa-3.0.0.0-r613", "ncs5500-mpls-1.0.0.0-r613"])
  })
})
