import { existsSync } from "node:fs"
import { isAbsolute, join } from "node:path"
import { describe, expect, it } from "vitest"
import { bundledCatalogDirectory } from "./bundled.ts"

describe("bundledCatalogDirectory", () => {
  it("is the absolute path of the package's data/cco-sample, holding a catalog.dat", () => {
    expect(isAbsolute(bundledCatalogDirectory)).toBe(true)
    expect(bundledCatalogDirectory.endsWith(join("adapters-cco", "data", "cco-sample"))).toBe(true)
    expect(existsSync(join(bundledCatalogDirectory, "catalog.dat"))).toBe(true)
  })
})
