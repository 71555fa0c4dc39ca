import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/** crs_px 5.3.2 and 5.3.3 (synthetic): SMUs `hfr-px-<release>.<DDTS>`, one tar each. */
const header = { platform: "crs_px", smuSuffix: "pie", pid: "CRS-16-LCC", mdfId: "280689573" } as const

const smu532 = smuNamed("hfr-px-5.3.2.")

export const crsPx532 = sampleRelease({
  ...header,
  release: "5.3.2",
  creationDate: "04/12/2016 03:02:26 PDT",
  drafts: [
    smu532({
      id: "AA10245", ddts: "CSCuv61120", posted: "09/02/2015 10:36:17 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric plane down after fabric card OIR", areas: ["FABRIC"],
      bundles: ["hfr-mini-px"], size: [66021875, 109331420]
    }),
    smu532({
      id: "AA10420", ddts: "CSCuw70438", posted: "10/28/2015 15:27:49 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric plane down and multicast loss after fabric card OIR",
      areas: ["FABRIC"], bundles: ["hfr-mini-px"], size: [67540912, 111862305], supersedes: ["CSCuv61120"]
    }),
    smu532({
      id: "AA10398", ddts: "CSCuw40927", posted: "10/21/2015 09:12:05 PDT", type: "Optional", impact: "Hitless",
      description: "BGP update generation stalls with a large RT constraint table", areas: ["ROUTING"],
      bundles: ["hfr-mini-px"], size: [3690124, 10874301]
    }),
    smu532({
      id: "AA10640", ddts: "CSCux71460", posted: "02/03/2016 13:44:58 PST", type: "Optional", impact: "Hitless",
      description: "LDP IGP sync not restored after interface flap", areas: ["MPLS"],
      bundles: ["hfr-mpls-px"], size: [2411508, 7260113], prerequisites: ["CSCuw70438"]
    }),
    tar("AA10180", "CRS-iosxr-px-5.3.2.tar", "08/05/2015 08:00:00 PDT", "CRS IOS XR Software 5.3.2",
      [1287651328, 1822347590])
  ]
})

const smu533 = smuNamed("hfr-px-5.3.3.")

export const crsPx533 = sampleRelease({
  ...header,
  release: "5.3.3",
  creationDate: "08/16/2016 02:48:59 PDT",
  drafts: [
    smu533({
      id: "AA11008", ddts: "CSCux47733", posted: "01/13/2016 11:25:36 PST", type: "Recommended",
      impact: "Needs Reboot", description: "MSC-X line card resets on PLIM ASIC parity error", areas: ["PLATFORM"],
      bundles: ["hfr-mini-px"], size: [69114520, 114203377]
    }),
    smu533({
      id: "AA11330", ddts: "CSCuz20866", posted: "04/29/2016 16:09:12 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "MSC-X line card resets on PLIM or ingress queuing ASIC parity error",
      areas: ["PLATFORM"], bundles: ["hfr-mini-px"], size: [70288163, 116150842], supersedes: ["CSCux47733"]
    }),
    smu533({
      id: "AA11180", ddts: "CSCuy51904", posted: "03/09/2016 10:03:27 PST", type: "Optional", impact: "Hitless",
      description: "SNMP cefcFRUPowerStatusTable reports a wrong state for fan trays", areas: ["SNMP"],
      bundles: ["hfr-mgbl-px"], size: [987215, 3120764]
    }),
    smu533({
      id: "AA11472", ddts: "CSCuz66310", posted: "05/25/2016 14:51:40 PDT", type: "Optional", impact: "Hitless",
      description: "mVPN PE stops forwarding after MDT default group change", areas: ["MCAST"],
      bundles: ["hfr-mcast-px"], size: [4820377, 13957210], prerequisites: ["CSCuz20866"]
    }),
    smu533({
      id: "AA11701", ddts: "CSCva35568", posted: "07/13/2016 17:30:54 PDT", type: "PSIRT", impact: "Hitless",
      description: "Evaluation of OpenSSL vulnerabilities (May 2016)", areas: ["SECURITY"],
      bundles: ["hfr-k9sec-px"], size: [8102746, 22350981]
    }),
    tar("AA10830", "CRS-iosxr-px-5.3.3.tar", "12/09/2015 08:00:00 PST", "CRS IOS XR Software 5.3.3",
      [1331691520, 1884629755])
  ]
})
