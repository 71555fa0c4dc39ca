import type { CcoEntry, CcoEntryKind, CcoHeader } from "@csm/core"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseReleaseDocument } from "./parse-release.ts"
import { ENTRY_KINDS } from "./release-layout.ts"
import { renderReleaseDocument } from "./render-release.ts"
import type { ReleaseDocument } from "./render-release.ts"

const EMPTY_HEADER: CcoHeader = {
  platform: "", release: "", smu_suffix: "", pid: "", mdf_id: "",
  smu_software_type_id: "", sp_software_type_id: "", tar_software_type_id: ""
}

const entry = (kind: CcoEntryKind, id: string, name: string, fields: Partial<CcoEntry> = {}): CcoEntry => ({
  kind, id, name, status: "Posted", type: "", category: "", description: "", impact: "", ddts: "",
  posted_date: "", customer_eta: "", supersedes: [], superseded_by: [], prerequisites: [], package_bundles: [],
  functional_areas: [], compressed_image_size: 0, uncompressed_image_size: 0, cco_file_name: `${name}.tar`,
  composite_DDTS: [], package_names: [name], package_md5: [], ...fields
})

describe("renderReleaseDocument", () => {
  it("writes the project's format: header first, entries by kind, two spaces, no empty elements", () => {
    const text = renderReleaseDocument({
      platform: "asr9k_px",
      release: "5.3.3",
      creationDate: "08/09/2016 02:10:05 PDT",
      header: { ...EMPTY_HEADER, smu_suffix: "pie", pid: "ASR-9010-AC", smu_software_type_id: "280867577" },
      entries: [
        entry("tar", "AA3", "ASR9K-iosxr-px-5.3.3.tar", { cco_file_name: "ASR9K-iosxr-px-5.3.3.tar" }),
        entry("smuIntransit", "AA2", "t", { status: "In Transit", customer_eta: "08/26/2016" }),
        entry("smu", "AA1", "s", {
          description: `a & b <c> "d"`, supersedes: ["x", "y"], compressed_image_size: 42, package_names: ["s.pie"]
        })
      ]
    })
    expect(text).toBe([
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<smuMetaData>`,
      `  <platform>asr9k_px</platform>`,
      `  <release>5.3.3</release>`,
      `  <creationDate>08/09/2016 02:10:05 PDT</creationDate>`,
      `  <smuSuffix>pie</smuSuffix>`,
      `  <platformMDFID>`,
      `    <pid>ASR-9010-AC</pid>`,
      `  </platformMDFID>`,
      `  <smuSoftwareTypeID>280867577</smuSoftwareTypeID>`,
      `  <smu id="AA1" status="Posted">`,
      `    <name>s</name>`,
      `    <description>a &amp; b &lt;c&gt; "d"</description>`,
      `    <supercedes>x,y</supercedes>`,
      `    <compressedImageSize>42</compressedImageSize>`,
      `    <ccoFileName>s.tar</ccoFileName>`,
      `    <packageNames>s.pie</packageNames>`,
      `  </smu>`,
      `  <smuIntransit id="AA2" status="In Transit">`,
      `    <name>t</name>`,
      `    <customerETA>08/26/2016</customerETA>`,
      `    <ccoFileName>t.tar</ccoFileName>`,
      `    <packageNames>t</packageNames>`,
      `  </smuIntransit>`,
      `  <tar id="AA3" status="Posted">`,
      `    <name>ASR9K-iosxr-px-5.3.3.tar</name>`,
      `    <ccoFileName>ASR9K-iosxr-px-5.3.3.tar</ccoFileName>`,
      `    <packageNames>ASR9K-iosxr-px-5.3.3.tar</packageNames>`,
      `  </tar>`,
      `</smuMetaData>`,
      ``
    ].join("\n"))
  })
})

// Characters that survive the format; markup characters check the escaping.
const CHARS = [..."abcXYZ019 -_./:;()'\"&<>]é中"]
const text = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }).map((s) => s.trim())
const nonEmpty = text.filter((s) => s !== "")
// A list item holds no comma, and a list of the single item `None` reads as empty.
const list = fc.uniqueArray(nonEmpty.filter((s) => s !== "None"), { maxLength: 4 })
const size = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })

/** Entries as the parser returns them: defaults applied, names and ids unique (`#i` makes them so). */
const entries = fc.array(
  fc.record({
    kind: fc.constantFrom(...ENTRY_KINDS), id: nonEmpty, name: nonEmpty, status: text, type: text, category: text,
    description: text, impact: text, ddts: text, posted_date: text, customer_eta: text, supersedes: list,
    superseded_by: list, prerequisites: list, package_bundles: list, functional_areas: list,
    compressed_image_size: size, uncompressed_image_size: size, cco_file_name: nonEmpty, composite_DDTS: list,
    package_names: list.filter((names) => names.length > 0), package_md5: list
  }),
  { maxLength: 8 }
).map((generated): ReadonlyArray<CcoEntry> =>
  generated.map((e, i) => {
    const name = `${e.name}#${i}`
    return { ...e, id: `${e.id}#${i}`, name, package_names: e.kind === "tar" ? [name] : e.package_names }
  })
)

const header = fc.record({
  platform: nonEmpty, release: nonEmpty, smu_suffix: text, pid: text, mdf_id: text,
  smu_software_type_id: text, sp_software_type_id: text, tar_software_type_id: text
})

const documents: fc.Arbitrary<ReleaseDocument> = fc.record({ header, creationDate: text, entries }).map((d) => ({
  ...d, platform: d.header.platform, release: d.header.release
}))

describe("renderReleaseDocument and parseReleaseDocument", () => {
  it("parse(render(x)) gives back x's header, creationDate and entries (grouped by kind)", () => {
    fc.assert(fc.property(documents, (document) => {
      const read = parseReleaseDocument(renderReleaseDocument(document), "generated.xml")
      // A document without entries and creationDate is rightly rejected.
      if (document.entries.length === 0 && document.creationDate === "") return Result.isFailure(read)
      if (Result.isFailure(read)) throw new Error(read.failure)
      expect(read.success.warnings).toEqual([])
      expect(read.success.header).toEqual(document.header)
      expect(read.success.creationDate).toBe(document.creationDate)
      expect(read.success.entries).toEqual(ENTRY_KINDS.flatMap((kind) => document.entries.filter((e) => e.kind === kind)))
      return true
    }), { numRuns: 300 })
  })
})
