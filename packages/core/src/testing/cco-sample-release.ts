import type { CcoEntry } from "../catalog/cco-entry.ts"

/**
 * Test data: the entries of the bundled sample's `asr9k_px` 5.3.3 and `ncs5500` 6.1.3 that CCO.md
 * §5.7 relies on (§7), built by hand, for tests that cannot read the generated sample (the core's,
 * the HTTP adapter's). The generated files themselves are checked in `@csm/adapters-cco`.
 */
export const entry = (fields: Partial<CcoEntry> & Pick<CcoEntry, "id" | "name">): CcoEntry => ({
  kind: "smu", status: "Posted", type: "Optional", category: "", description: "", impact: "", ddts: "",
  posted_date: "", customer_eta: "", supersedes: [], superseded_by: [], prerequisites: [], package_bundles: [],
  functional_areas: [], compressed_image_size: 0, uncompressed_image_size: 0, cco_file_name: "",
  composite_DDTS: [], package_names: [], package_md5: [], ...fields
})

const asr = (ddts: string) => `asr9k-px-5.3.3.${ddts}`
const nine = [
  ["AA11011", "CSCtz68435", "12/01/2015 10:00:00 PST"], ["AA11051", "CSCux32820", "12/20/2015 10:00:00 PST"],
  ["AA11161", "CSCuv63743", "01/10/2016 10:00:00 PST"], ["AA11159", "CSCuy75598", "01/30/2016 10:00:00 PST"],
  ["AA11117", "CSCuy47708", "02/15/2016 10:00:00 PST"], ["AA11223", "CSCuy71556", "03/01/2016 10:00:00 PST"],
  ["AA10928", "CSCux20499", "03/15/2016 10:00:00 PDT"], ["AA11036", "CSCuy32183", "04/01/2016 10:00:00 PDT"],
  ["AA10944", "CSCux85576", "04/15/2016 10:00:00 PDT"]
] as const
const smu = (id: string, ddts: string, posted_date: string, fields: Partial<CcoEntry> = {}): CcoEntry =>
  entry({ id, name: asr(ddts), ddts, posted_date, package_names: [`${asr(ddts)}.pie`], ...fields })

export const asr9kPx533: ReadonlyArray<CcoEntry> = [
  smu("AA11308", "CSCuz05961", "04/27/2016 21:39:38 PDT", {
    description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE",
    prerequisites: [asr("CSCux24553")],
    supersedes: nine.map(([, ddts]) => asr(ddts))
  }),
  smu("AA11262", "CSCux24553", "04/22/2016 10:05:44 PDT", {
    description: "Platform infra update required by later ETHER SMUs"
  }),
  ...nine.map(([id, ddts, date]) => smu(id, ddts, date, { superseded_by: [asr("CSCuz05961")] })),
  smu("AA11103", "CSCux31992", "04/19/2016 17:14:11 PDT", { type: "Recommended" }),
  smu("AA11833", "CSCva29114", "08/08/2016 12:57:37 PDT", {
    description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing"
  }),
  smu("AA11085", "CSCux89921", "03/30/2016 09:00:00 PDT"),
  smu("AA11098", "CSCuy03335", "04/12/2016 09:00:00 PDT"),
  smu("AA10960", "CSCuv10217", "12/21/2015 09:00:00 PST", { superseded_by: [asr("CSCux02215")] }),
  smu("AA11075", "CSCux02215", "02/09/2016 09:00:00 PST", {
    status: "Obsoleted", supersedes: [asr("CSCuv10217")], superseded_by: [asr("CSCuy58113")]
  }),
  smu("AA11290", "CSCuy58113", "05/10/2016 09:00:00 PDT", { supersedes: [asr("CSCux02215")] }),
  smu("AA11655", "CSCva10652", "06/14/2016 09:00:00 PDT", { prerequisites: [asr("CSCuv10217")] }),
  smu("AA11902", "CSCva41207", "", { kind: "smuIntransit", status: "In Transit", customer_eta: "08/26/2016" }),
  entry({
    id: "AA11420", name: "asr9k-px-5.3.3.sp1", kind: "sp", posted_date: "05/02/2016 09:00:00 PDT",
    superseded_by: ["asr9k-px-5.3.3.sp2"], package_names: ["asr9k-px-5.3.3.sp1.pie"]
  }),
  entry({
    id: "AA11750", name: "asr9k-px-5.3.3.sp2", kind: "sp", posted_date: "07/21/2016 09:00:00 PDT",
    supersedes: ["asr9k-px-5.3.3.sp1"], package_names: ["asr9k-px-5.3.3.sp2.pie"],
    composite_DDTS: ["CSCux31992", "CSCuz05961", "CSCux24553"]
  }),
  entry({ id: "AA10800", name: "ASR9K-iosxr-px-5.3.3.tar", kind: "tar", posted_date: "11/20/2015 09:00:00 PST",
    package_names: ["ASR9K-iosxr-px-5.3.3.tar"] }),
  entry({ id: "AA10801", name: "ASR9K-iosxr-px-k9-5.3.3.tar", kind: "tar", posted_date: "11/20/2015 09:00:00 PST",
    package_names: ["ASR9K-iosxr-px-k9-5.3.3.tar"] })
]

export const ncs5500613: ReadonlyArray<CcoEntry> = [
  entry({
    id: "AA12001", name: "ncs5500-6.1.3.CSCvd07722", posted_date: "03/01/2017 09:00:00 PST",
    superseded_by: ["ncs5500-6.1.3.CSCve17920"],
    package_names: ["ncs5500-os-support-4.0.0.5-r613.CSCvd07722.x86_64.rpm"]
  }),
  entry({
    id: "AA12002", name: "ncs5500-6.1.3.CSCve17920", posted_date: "05/01/2017 09:00:00 PDT",
    supersedes: ["ncs5500-6.1.3.CSCvd07722"], description: "os support",
    package_names: [
      "ncs5500-os-support-4.0.0.6-r613.CSCve17920.x86_64.rpm", "ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm"
    ]
  }),
  entry({
    id: "AA12003", name: "ncs5500-6.1.3.CSCve29118", posted_date: "06/01/2017 09:00:00 PDT", description: "dpa",
    prerequisites: ["ncs5500-6.1.3.CSCve17920"], package_names: ["ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm"]
  }),
  entry({ id: "AA12004", name: "NCS5500-iosxr-k9-6.1.3.tar", kind: "tar", package_names: ["NCS5500-iosxr-k9-6.1.3.tar"] })
]
