import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseCatalogIndex, renderCatalogIndex } from "./index-file.ts"

const platform = fc.stringMatching(/^[a-z0-9][a-z0-9_]{0,12}$/)
const release = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map((parts) => parts.join("."))
const index = fc.uniqueArray(fc.record({ platform, release }), { selector: (e) => `${e.platform}_${e.release}` })

describe("catalog.dat (CCO.md §2.1, invariant 17)", () => {
  it("splits at the last underscore, skips junk with a warning, counts repeats once, sorts", () => {
    const text = "ncs6k_sysadmin_5.2.4\r\n\n  asr9k_px_6.1.12 \nasr9k_px_6.1.2\nasr9k_px_6.1.2\nnounderscore\nASR9K_5.3.3\nasr9k_px_6.2\n_5.3.3\n"
    const { entries, warnings } = parseCatalogIndex(text)
    expect(entries).toEqual([
      { platform: "asr9k_px", release: "6.1.2" },
      { platform: "asr9k_px", release: "6.1.12" },
      { platform: "ncs6k_sysadmin", release: "5.2.4" }
    ])
    expect(warnings).toEqual([
      `catalog.dat line 6 is not <platform>_<release> and was skipped: "nounderscore"`,
      `catalog.dat line 7 is not <platform>_<release> and was skipped: "ASR9K_5.3.3"`,
      `catalog.dat line 8 is not <platform>_<release> and was skipped: "asr9k_px_6.2"`,
      `catalog.dat line 9 is not <platform>_<release> and was skipped: "_5.3.3"`
    ])
  })

  it("renders ascending with a final newline", () => {
    expect(renderCatalogIndex([
      { platform: "crs_px", release: "5.3.3" },
      { platform: "asr9k_px", release: "6.1.12" },
      { platform: "asr9k_px", release: "6.1.2" }
    ])).toBe("asr9k_px_6.1.2\nasr9k_px_6.1.12\ncrs_px_5.3.3\n")
  })

  it("round-trips: parse(render(index)) = index, platforms with _ included", () => {
    fc.assert(fc.property(index, (entries) => {
      const parsed = parseCatalogIndex(renderCatalogIndex(entries))
      expect(parsed.warnings).toEqual([])
      expect(renderCatalogIndex(parsed.entries)).toBe(renderCatalogIndex(entries))
      expect(new Set(parsed.entries.map((e) => `${e.platform}_${e.release}`)))
        .toEqual(new Set(entries.map((e) => `${e.platform}_${e.release}`)))
    }))
  })

  it("ignores junk lines mixed into a valid file", () => {
    const junk = fc.oneof(fc.constant("hello"), fc.constant("a_b"), fc.constant("6.1.2"), fc.constant("x_1.2"), fc.constant("Bad_1.2.3"))
    fc.assert(fc.property(index, fc.array(junk), (entries, lines) => {
      const text = renderCatalogIndex(entries) + lines.join("\n")
      expect(parseCatalogIndex(text).entries).toEqual(parseCatalogIndex(renderCatalogIndex(entries)).entries)
    }))
  })
})
