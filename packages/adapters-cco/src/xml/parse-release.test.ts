import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import type { CcoEntry, ParsedRelease } from "@csm/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { parseReleaseDocument } from "./parse-release.ts"

const FILE = "asr9k_px_5.3.3.xml"

const parsed = (text: string): ParsedRelease => {
  const result = parseReleaseDocument(text, FILE)
  if (Result.isFailure(result)) throw new Error(`expected a release, got: ${result.failure}`)
  return result.success
}

const rejection = (text: string): string => {
  const result = parseReleaseDocument(text, FILE)
  if (Result.isSuccess(result)) throw new Error("expected a rejection")
  return result.failure
}

const HEADER = `
  <platform>asr9k_px</platform>
  <release>5.3.3</release>
  <creationDate>08/09/2016 02:10:05 PDT</creationDate>
  <smuSuffix>pie</smuSuffix>
  <platformMDFID><pid>ASR-9010-AC</pid><mdfID>282414851</mdfID></platformMDFID>
  <smuSoftwareTypeID>280867577</smuSoftwareTypeID>
  <spSoftwareTypeID>280867578</spSoftwareTypeID>
  <tarSoftwareTypeID>280867579</tarSoftwareTypeID>`

const smu = (id: string, name: string, children = "") =>
  `<smu id="${id}" status="Posted"><name>${name}</name>${children}</smu>`

const withHeader = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<smuMetaData>${HEADER}\n${body}\n</smuMetaData>\n`

const entryNamed = (release: ParsedRelease, name: string): CcoEntry => {
  const entry = release.entries.find((e) => e.name === name)
  if (entry === undefined) throw new Error(`no entry ${name}`)
  return entry
}

describe("parseReleaseDocument: header and fields", () => {
  it("reads the header and every field of an entry", () => {
    const release = parsed(withHeader(`
  <smu id="AA11308" status="Posted">
    <name>asr9k-px-5.3.3.CSCuz05961</name>
    <smuType>Optional</smuType>
    <smuCategory>Fix</smuCategory>
    <description>Link Flaps : Adaptive FEC control algorithm not working in 4x10GE</description>
    <impact>Needs Reboot</impact>
    <ddts>CSCuz05961</ddts>
    <postedDate>04/27/2016 21:39:38 PDT</postedDate>
    <customerETA>05/01/2016</customerETA>
    <supercedes>asr9k-px-5.3.3.CSCtz68435,asr9k-px-5.3.3.CSCux32820</supercedes>
    <supercededBy>asr9k-px-5.3.3.CSCva00001</supercededBy>
    <pre-requisites>asr9k-px-5.3.3.CSCux24553</pre-requisites>
    <packageBundles>asr9k-mini-px</packageBundles>
    <functionalAreas>ETHER</functionalAreas>
    <compressedImageSize>113616329</compressedImageSize>
    <unCompressedImageSize>181961047</unCompressedImageSize>
    <ccoFileName>asr9k-px-5.3.3.CSCuz05961.tar</ccoFileName>
    <compositeDDTS>CSCux31992</compositeDDTS>
    <packageNames>asr9k-px-5.3.3.CSCuz05961.pie</packageNames>
    <packageMD5>0123456789abcdef0123456789abcdef</packageMD5>
  </smu>`))
    expect(release.creationDate).toBe("08/09/2016 02:10:05 PDT")
    expect(release.header).toEqual({
      platform: "asr9k_px",
      release: "5.3.3",
      smu_suffix: "pie",
      pid: "ASR-9010-AC",
      mdf_id: "282414851",
      smu_software_type_id: "280867577",
      sp_software_type_id: "280867578",
      tar_software_type_id: "280867579"
    })
    expect(release.warnings).toEqual([])
    expect(release.entries).toEqual([{
      kind: "smu",
      id: "AA11308",
      name: "asr9k-px-5.3.3.CSCuz05961",
      status: "Posted",
      type: "Optional",
      category: "Fix",
      description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE",
      impact: "Needs Reboot",
      ddts: "CSCuz05961",
      posted_date: "04/27/2016 21:39:38 PDT",
      customer_eta: "05/01/2016",
      supersedes: ["asr9k-px-5.3.3.CSCtz68435", "asr9k-px-5.3.3.CSCux32820"],
      superseded_by: ["asr9k-px-5.3.3.CSCva00001"],
      prerequisites: ["asr9k-px-5.3.3.CSCux24553"],
      package_bundles: ["asr9k-mini-px"],
      functional_areas: ["ETHER"],
      compressed_image_size: 113616329,
      uncompressed_image_size: 181961047,
      cco_file_name: "asr9k-px-5.3.3.CSCuz05961.tar",
      composite_DDTS: ["CSCux31992"],
      package_names: ["asr9k-px-5.3.3.CSCuz05961.pie"],
      package_md5: ["0123456789abcdef0123456789abcdef"]
    }])
  })

  it("reads the four entry kinds, in document order", () => {
    const release = parsed(withHeader(`
  <tar id="AA4" status="Posted"><name>ASR9K-iosxr-px-5.3.3.tar</name></tar>
  <sp id="AA3" status="Posted"><name>asr9k-px-5.3.3.sp1</name></sp>
  <smuIntransit id="AA2" status="In Transit"><name>asr9k-px-5.3.3.CSCva41207</name></smuIntransit>
  ${smu("AA1", "asr9k-px-5.3.3.CSCva29114")}`))
    expect(release.entries.map((e) => [e.kind, e.id, e.status])).toEqual([
      ["tar", "AA4", "Posted"], ["sp", "AA3", "Posted"], ["smuIntransit", "AA2", "In Transit"], ["smu", "AA1", "Posted"]
    ])
  })

  it("keeps every value a string, trimmed, with no number or boolean coercion", () => {
    const release = parsed(`<x><creationDate> 007 </creationDate><platform>1.10</platform>
      <smu id=" 0012 " status="  posted "><name> true </name><smuType>1e3</smuType></smu></x>`)
    expect(release.creationDate).toBe("007")
    expect(release.header.platform).toBe("1.10")
    const [entry] = release.entries
    expect([entry?.id, entry?.status, entry?.name, entry?.type]).toEqual(["0012", "posted", "true", "1e3"])
  })

  it("empties missing header elements and child elements", () => {
    const release = parsed(`<smuMetaData>${smu("AA1", "a")}</smuMetaData>`)
    expect(release.creationDate).toBe("")
    expect(Object.values(release.header).every((value) => value === "")).toBe(true)
    const [entry] = release.entries
    expect(entry?.description).toBe("")
    expect(entry?.supersedes).toEqual([])
    expect(entry?.compressed_image_size).toBe(0)
  })

  it("splits comma lists: items trimmed, empty items and repeats dropped, a whole `None` empty", () => {
    const release = parsed(withHeader([
      smu("AA1", "a", "<supercedes> x , y,,x , z ,</supercedes>"),
      smu("AA2", "b", "<supercedes>None</supercedes><supercededBy> None </supercededBy>"),
      smu("AA3", "c", "<supercedes>None,x</supercedes><functionalAreas>,,</functionalAreas>")
    ].join("\n")))
    expect(entryNamed(release, "a").supersedes).toEqual(["x", "y", "z"])
    expect(entryNamed(release, "b").supersedes).toEqual([])
    expect(entryNamed(release, "b").superseded_by).toEqual([])
    expect(entryNamed(release, "c").supersedes).toEqual(["None", "x"])
    expect(entryNamed(release, "c").functional_areas).toEqual([])
  })

  it("reads sizes as decimal integers, anything else as 0", () => {
    const sizes = ["42", " 7 ", "12.5", "-1", "1e3", "0x10", "abc", "", "99999999999999999999"]
    const release = parsed(withHeader(sizes.map((size, i) =>
      smu(`AA${i}`, `n${i}`, `<compressedImageSize>${size}</compressedImageSize>`)).join("\n")))
    expect(release.entries.map((e) => e.compressed_image_size)).toEqual([42, 7, 0, 0, 0, 0, 0, 0, 0])
  })

  it("applies the defaults of ccoFileName and packageNames", () => {
    const release = parsed(withHeader(`
  ${smu("AA1", "asr9k-px-5.3.3.CSCva29114")}
  ${smu("AA2", "asr9k-px-5.3.3.CSCva29115", "<ccoFileName>x.tar</ccoFileName><packageNames>p1, p2</packageNames>")}
  <tar id="AA3" status="Posted"><name>ASR9K-iosxr-px-5.3.3.tar</name><packageNames>other</packageNames></tar>`))
    expect(entryNamed(release, "asr9k-px-5.3.3.CSCva29114")).toMatchObject({
      cco_file_name: "asr9k-px-5.3.3.CSCva29114.tar",
      package_names: ["asr9k-px-5.3.3.CSCva29114.pie"]
    })
    expect(entryNamed(release, "asr9k-px-5.3.3.CSCva29115")).toMatchObject({ cco_file_name: "x.tar", package_names: ["p1", "p2"] })
    expect(entryNamed(release, "ASR9K-iosxr-px-5.3.3.tar")).toMatchObject({
      cco_file_name: "ASR9K-iosxr-px-5.3.3.tar",
      package_names: ["ASR9K-iosxr-px-5.3.3.tar"]
    })
  })

  it("uses the bare name as package name when the file has no smuSuffix", () => {
    const release = parsed(`<smuMetaData><creationDate>d</creationDate>${smu("AA1", "ncs6k-5.2.4.CSCuz00001")}</smuMetaData>`)
    expect(release.entries[0]?.package_names).toEqual(["ncs6k-5.2.4.CSCuz00001"])
  })

  it("decodes entities and CDATA, in text and attributes", () => {
    const release = parsed(withHeader(smu("A&amp;1", "n",
      "<description>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9;</description>" +
      "<impact><![CDATA[x & <y> &amp;]]></impact><smuType>A<![CDATA[<B>]]>C</smuType>")))
    const [entry] = release.entries
    expect(entry?.id).toBe("A&1")
    expect(entry?.description).toBe(`a & b <c> "d" 'e' éé`)
    expect(entry?.impact).toBe("x & <y> &amp;")
    expect(entry?.type).toBe("A<B>C")
  })

  it("returns the header as read when it differs from the index (the caller's concern)", () => {
    const release = parsed(`<smuMetaData><platform>crs_px</platform><release>9.9.9</release>${smu("AA1", "a")}</smuMetaData>`)
    expect([release.header.platform, release.header.release]).toEqual(["crs_px", "9.9.9"])
  })
})

describe("parseReleaseDocument: finding header and entries anywhere", () => {
  it("finds entries in grouping elements under any root, and the header at any depth", () => {
    const release = parsed(`<catalog>
      <meta><info><creationDate>c</creationDate><smuSuffix>smu</smuSuffix></info></meta>
      <posted>${smu("AA1", "a")}<group><deeper>${smu("AA2", "b")}</deeper></group></posted>
      <obsoleted><smu id="AA3" status="Obsoleted"><name>c</name></smu></obsoleted>
      ${smu("AA4", "d")}
    </catalog>`)
    expect(release.creationDate).toBe("c")
    expect(release.header.smu_suffix).toBe("smu")
    expect(release.entries.map((e) => e.id)).toEqual(["AA1", "AA2", "AA3", "AA4"])
    expect(release.entries[0]?.package_names).toEqual(["a.smu"])
  })

  it("takes nothing inside an entry as an entry or a header", () => {
    const release = parsed(`<smuMetaData>
      <smu id="AA1" status="Posted"><name>a</name>
        <creationDate>inside</creationDate><smuSuffix>inside</smuSuffix>
        <sp id="AA2" status="Posted"><name>inner</name></sp>
        <group><smu id="AA3" status="Posted"><name>inner2</name></smu></group>
      </smu>
      <creationDate>outside</creationDate>
    </smuMetaData>`)
    expect(release.creationDate).toBe("outside")
    expect(release.header.smu_suffix).toBe("")
    expect(release.entries.map((e) => e.id)).toEqual(["AA1"])
  })

  it("takes the first header element of each name in document order", () => {
    const release = parsed(`<r>
      <a><b/></a>
      <creationDate>first</creationDate>
      <a><creationDate>second</creationDate><smuSuffix>pie</smuSuffix></a>
      <smuSuffix>rpm</smuSuffix>
      <creationDate>third</creationDate>
      <platformMDFID><pid>P1</pid></platformMDFID>
      <platformMDFID><pid>P2</pid><mdfID>M2</mdfID></platformMDFID>
    </r>`)
    expect(release.creationDate).toBe("first")
    expect(release.header.smu_suffix).toBe("pie")
    // Only the first platformMDFID counts, also for the child it lacks.
    expect([release.header.pid, release.header.mdf_id]).toEqual(["P1", ""])
  })

  it("ignores unknown elements and attributes", () => {
    const release = parsed(withHeader(`
  <note lang="en">hello</note>
  <smu id="AA1" status="Posted" extra="x"><name>a</name><colour>red</colour><description kind="k">d</description></smu>`))
    expect(release.entries).toHaveLength(1)
    expect(release.entries[0]?.description).toBe("d")
    expect(release.warnings).toEqual([])
  })

  it("accepts a file with a creationDate and no entry, and one with entries and no creationDate", () => {
    expect(parsed(`<smuMetaData><creationDate>c</creationDate></smuMetaData>`).entries).toEqual([])
    expect(parsed(`<smuMetaData>${smu("AA1", "a")}</smuMetaData>`).creationDate).toBe("")
  })
})

describe("parseReleaseDocument: skipped entries", () => {
  it("skips entries without id or name, with a warning naming the file and the entry", () => {
    const release = parsed(withHeader(`
  ${smu("AA1", "good")}
  <smu status="Posted"><name>no-id</name></smu>
  <sp id="AA2" status="Posted"><name>  </name></sp>
  <tar id=" " status="Posted"/>`))
    expect(release.entries.map((e) => e.name)).toEqual(["good"])
    expect(release.warnings).toEqual([
      `${FILE}: <smu> entry #2 "no-id" has no id and was skipped`,
      `${FILE}: <sp> entry #3 (id AA2) has no name and was skipped`,
      `${FILE}: <tar> entry #4 has no id and no name and was skipped`
    ])
  })

  it("skips a second entry with an already-seen name or id (ids in any case)", () => {
    const release = parsed(withHeader(`
  ${smu("AA1", "a")}
  <sp id="AA2" status="Posted"><name>a</name></sp>
  ${smu("aa1", "b")}
  ${smu("AA3", "c")}`))
    expect(release.entries.map((e) => e.id)).toEqual(["AA1", "AA3"])
    expect(release.warnings).toEqual([
      `${FILE}: <sp> entry #2 "a" (id AA2) repeats the name of an earlier entry and was skipped`,
      `${FILE}: <smu> entry #3 "b" (id aa1) repeats the id of an earlier entry and was skipped`
    ])
  })
})

describe("parseReleaseDocument: rejections", () => {
  it.each([
    ["a mismatched tag", "<smuMetaData><smu></smuMetaData>"],
    ["an unclosed element", `<smuMetaData><creationDate>c</creationDate>`],
    ["plain text", "Service Unavailable"],
    ["an empty body", ""],
    ["two root elements", "<a><creationDate>c</creationDate></a><b/>"],
    ["an unquoted attribute", "<smuMetaData><smu id=AA1><name>a</name></smu></smuMetaData>"]
  ])("rejects %s as not well-formed, naming the file", (_, text) => {
    const message = rejection(text)
    expect(message).toContain(FILE)
    expect(message).toContain("not well-formed XML")
  })

  it.each(["html", "HTML", "Html"])("rejects a well-formed page with root <%s>", (root) => {
    expect(rejection(`<${root}><body><creationDate>c</creationDate>${smu("AA1", "a")}</body></${root}>`))
      .toBe(`${FILE} is an HTML page, not an SMU meta file`)
  })

  it("rejects a document with neither a creationDate nor an entry", () => {
    expect(rejection(`<smuMetaData><platform>asr9k_px</platform></smuMetaData>`))
      .toBe(`${FILE} has neither a creationDate nor an entry`)
    expect(rejection(`<smuMetaData><creationDate> </creationDate></smuMetaData>`))
      .toBe(`${FILE} has neither a creationDate nor an entry`)
  })

  it("rejects a document whose only entries are skipped and which has no creationDate", () => {
    expect(rejection(`<smuMetaData><smu status="Posted"><name>a</name></smu></smuMetaData>`))
      .toBe(`${FILE} has neither a creationDate nor an entry`)
  })
})

describe("parseReleaseDocument: DOCTYPE and entities", () => {
  it("never expands nested entities (billion laughs): rejected or left unexpanded", () => {
    const levels = Array.from({ length: 9 }, (_, i) =>
      `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("")
    const text = `<?xml version="1.0"?><!DOCTYPE smuMetaData [<!ENTITY lol0 "lol">${levels}]>` +
      `<smuMetaData><creationDate>c</creationDate>${smu("AA1", "a", "<description>&lol9;</description>")}</smuMetaData>`
    const result = parseReleaseDocument(text, FILE)
    if (Result.isSuccess(result)) expect(result.success.entries[0]?.description.length).toBeLessThan(100)
    else expect(result.failure).toContain(FILE)
  })

  it("rejects a quadratic blow-up of one large internal entity", () => {
    const text = `<!DOCTYPE r [<!ENTITY a "${"x".repeat(9_000)}">]>` +
      `<r><creationDate>c</creationDate>${smu("AA1", "a", `<description>${"&a;".repeat(1_000)}</description>`)}</r>`
    expect(rejection(text)).toContain(FILE)
  })

  it("never fetches an external entity or DTD", async () => {
    let requests = 0
    const server = createServer((_, response) => {
      requests++
      response.end(`<!ENTITY x "fetched">`)
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil`
      const externalEntity = parseReleaseDocument(
        `<!DOCTYPE r [<!ENTITY x SYSTEM "${url}">]><r><creationDate>&x;</creationDate></r>`, FILE)
      if (Result.isSuccess(externalEntity)) expect(externalEntity.success.creationDate).not.toContain("fetched")
      const externalDtd = parsed(`<!DOCTYPE r SYSTEM "${url}"><r><creationDate>c</creationDate></r>`)
      expect(externalDtd.creationDate).toBe("c")
      // The parser is synchronous and the library has no network code; the count documents it.
      expect(requests).toBe(0)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
