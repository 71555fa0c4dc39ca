import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { bundledCatalogDirectory } from "../bundled.ts"
import { sampleFiles } from "./sample-files.ts"
import { writeSampleCatalog } from "./write-sample.ts"

const scratch = mkdtempSync(join(tmpdir(), "cco-sample-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("the committed sample catalog (CCO.md §7)", () => {
  it("is what the generator writes, byte for byte, and nothing else", () => {
    const written = writeSampleCatalog(join(scratch, "out"))
    expect(readdirSync(bundledCatalogDirectory).sort()).toEqual([...written].sort())
    for (const file of written) {
      expect(readFileSync(join(scratch, "out", file)), file).toEqual(readFileSync(join(bundledCatalogDirectory, file)))
    }
  })

  it("is generated without clock or randomness: two renderings are identical", () => {
    expect(sampleFiles()).toEqual(sampleFiles())
  })

  it("lists one file per catalog.dat line", () => {
    const [index, ...releases] = sampleFiles()
    expect(index!.text.trimEnd().split("\n").map((line) => `${line}.xml`)).toEqual(releases.map(({ file }) => file))
  })
})
