import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/** asr9k_px 5.3.2 (synthetic): one supersede pair, one prerequisite, a PSIRT. */
const smu = smuNamed("asr9k-px-5.3.2.")

export const asr9kPx532 = sampleRelease({
  platform: "asr9k_px",
  release: "5.3.2",
  creationDate: "04/05/2016 02:55:31 PDT",
  smuSuffix: "pie",
  pid: "ASR-9010-AC",
  mdfId: "282414851",
  drafts: [
    smu({
      id: "AA10210", ddts: "CSCuv48270", posted: "08/19/2015 13:08:22 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "spp memory leak with BFD over bundle", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [51633209, 86102774]
    }),
    smu({
      id: "AA10487", ddts: "CSCuw91346", posted: "11/12/2015 15:51:36 PST", type: "Recommended",
      impact: "Needs Reboot", description: "spp memory leak and punt path drops with BFD over bundle", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [52984410, 88230951], supersedes: ["CSCuv48270"]
    }),
    smu({
      id: "AA10355", ddts: "CSCuw33087", posted: "10/07/2015 11:14:03 PDT", type: "Optional", impact: "Hitless",
      description: "Multicast traffic dropped after PIM RPF change onto a TE tunnel", areas: ["MCAST"],
      bundles: ["asr9k-mcast-px"], size: [4410987, 12773640]
    }),
    smu({
      id: "AA10610", ddts: "CSCux55018", posted: "01/20/2016 09:40:48 PST", type: "Optional", impact: "Hitless",
      description: "L3VPN label not reprogrammed after BGP PIC failover", areas: ["MPLS"],
      bundles: ["asr9k-mpls-px"], size: [2650871, 8144392], prerequisites: ["CSCuw91346"]
    }),
    smu({
      id: "AA10703", ddts: "CSCuy10462", posted: "02/24/2016 17:25:12 PST", type: "PSIRT", impact: "Hitless",
      description: "Evaluation of NTP vulnerabilities (January 2016)", areas: ["SECURITY"],
      bundles: ["asr9k-mini-px"], size: [1588240, 4620931]
    }),
    tar("AA10150", "ASR9K-iosxr-px-5.3.2.tar", "07/24/2015 08:00:00 PDT", "ASR9K IOS XR Software 5.3.2",
      [1103626240, 1560281517]),
    tar("AA10151", "ASR9K-iosxr-px-k9-5.3.2.tar", "07/24/2015 08:00:00 PDT",
      "ASR9K IOS XR Software 5.3.2, with encryption", [1213071360, 1713960833])
  ]
})
