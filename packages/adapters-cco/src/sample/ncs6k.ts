import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/** ncs6k 5.2.3, 5.2.4, 5.2.5 (synthetic): SMUs `ncs6k-<release>.<DDTS>`, files `….smu`, one tar each. */
const header = { platform: "ncs6k", smuSuffix: "smu", pid: "NCS-6008", mdfId: "284665391" } as const

const smu523 = smuNamed("ncs6k-5.2.3.")

export const ncs6k523 = sampleRelease({
  ...header,
  release: "5.2.3",
  creationDate: "12/01/2015 02:20:44 PST",
  drafts: [
    smu523({
      id: "AA09720", ddts: "CSCut30417", posted: "04/08/2015 10:41:09 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric link retrain loop on NC6-10X100G-M line cards", areas: ["FABRIC"],
      bundles: ["ncs6k-mini-x"], size: [72108433, 118250716]
    }),
    smu523({
      id: "AA09880", ddts: "CSCuu52210", posted: "06/17/2015 15:03:52 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric link retrain loop and CRC errors on NC6-10X100G-M line cards",
      areas: ["FABRIC"], bundles: ["ncs6k-mini-x"], size: [73550192, 120611845], supersedes: ["CSCut30417"]
    }),
    smu523({
      id: "AA09815", ddts: "CSCuu08875", posted: "05/13/2015 09:26:30 PDT", type: "Optional", impact: "Hitless",
      description: "ISIS adjacency drops during NSR switchover", areas: ["ROUTING"],
      bundles: ["ncs6k-mini-x"], size: [3208815, 9450127]
    }),
    smu523({
      id: "AA10090", ddts: "CSCuv85512", posted: "09/09/2015 13:57:21 PDT", type: "Optional", impact: "Hitless",
      description: "MPLS TE FRR backup not programmed after tunnel reoptimisation", areas: ["MPLS"],
      bundles: ["ncs6k-mpls"], size: [2740662, 8017390], prerequisites: ["CSCuu52210"]
    }),
    tar("AA09650", "NCS6000-iosxr-k9-5.2.3.tar", "03/11/2015 08:00:00 PDT", "NCS 6000 IOS XR Software 5.2.3",
      [1530920960, 2149532518])
  ]
})

const smu524 = smuNamed("ncs6k-5.2.4.")

export const ncs6k524 = sampleRelease({
  ...header,
  release: "5.2.4",
  creationDate: "04/20/2016 02:33:10 PDT",
  drafts: [
    smu524({
      id: "AA10260", ddts: "CSCuv93019", posted: "09/16/2015 11:48:25 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Line card fails to boot after FPD auto-upgrade", areas: ["PLATFORM"],
      bundles: ["ncs6k-mini-x"], size: [70921004, 116383512]
    }),
    smu524({
      id: "AA10450", ddts: "CSCuw78342", posted: "11/04/2015 14:17:38 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Line card boot failure and FPD version mismatch after auto-upgrade",
      areas: ["PLATFORM"], bundles: ["ncs6k-mini-x"], size: [71877310, 117954029], supersedes: ["CSCuv93019"]
    }),
    smu524({
      id: "AA10575", ddts: "CSCux38851", posted: "01/06/2016 10:29:14 PST", type: "Optional", impact: "Hitless",
      description: "Netconf get of interface operational data times out", areas: ["MGBL"],
      bundles: ["ncs6k-mgbl"], size: [1873420, 5706613], prerequisites: ["CSCuw78342"]
    }),
    smu524({
      id: "AA10780", ddts: "CSCuy41206", posted: "03/16/2016 16:55:03 PDT", type: "PSIRT", impact: "Hitless",
      description: "Evaluation of OpenSSL vulnerabilities (March 2016)", areas: ["SECURITY"],
      bundles: ["ncs6k-k9sec"], size: [7745310, 21102487]
    }),
    tar("AA10195", "NCS6000-iosxr-k9-5.2.4.tar", "07/29/2015 08:00:00 PDT", "NCS 6000 IOS XR Software 5.2.4",
      [1561329664, 2192660227])
  ]
})

const smu525 = smuNamed("ncs6k-5.2.5.")

export const ncs6k525 = sampleRelease({
  ...header,
  release: "5.2.5",
  creationDate: "10/05/2016 02:12:57 PDT",
  drafts: [
    smu525({
      id: "AA11131", ddts: "CSCuy17652", posted: "02/24/2016 13:40:21 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Control plane loss after RP switchover with two fabric cards down",
      areas: ["PLATFORM"], bundles: ["ncs6k-mini-x"], size: [74602188, 122410653]
    }),
    smu525({
      id: "AA11402", ddts: "CSCuz53086", posted: "05/11/2016 15:22:46 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Control plane loss after RP switchover with a degraded fabric",
      areas: ["PLATFORM"], bundles: ["ncs6k-mini-x"], size: [75119460, 123270911], supersedes: ["CSCuy17652"]
    }),
    smu525({
      id: "AA11560", ddts: "CSCuz91244", posted: "06/01/2016 10:08:33 PDT", type: "Optional", impact: "Hitless",
      description: "Multicast replication stalls with many egress line cards", areas: ["MCAST"],
      bundles: ["ncs6k-mcast"], size: [4105932, 11986340]
    }),
    smu525({
      id: "AA11790", ddts: "CSCva62735", posted: "08/17/2016 11:36:09 PDT", type: "Optional", impact: "Hitless",
      description: "BGP flowspec rules not applied after route-policy edit", areas: ["ROUTING"],
      bundles: ["ncs6k-mini-x"], size: [3518277, 10233064], prerequisites: ["CSCuz53086"]
    }),
    smu525({
      id: "AA11850", ddts: "CSCvb04418", posted: "09/07/2016 14:45:52 PDT", type: "Optional", impact: "Hitless",
      description: "Optics threshold trap carries a wrong ifIndex", areas: ["SNMP"],
      bundles: ["ncs6k-mgbl"], size: [1290517, 4015280]
    }),
    tar("AA10905", "NCS6000-iosxr-k9-5.2.5.tar", "01/20/2016 08:00:00 PST", "NCS 6000 IOS XR Software 5.2.5",
      [1598029824, 2244187136])
  ]
})
