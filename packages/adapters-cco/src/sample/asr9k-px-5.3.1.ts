import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/** asr9k_px 5.3.1 (synthetic): one supersede pair, one prerequisite, a PSIRT. */
const smu = smuNamed("asr9k-px-5.3.1.")

export const asr9kPx531 = sampleRelease({
  platform: "asr9k_px",
  release: "5.3.1",
  creationDate: "11/02/2015 03:41:17 PST",
  smuSuffix: "pie",
  pid: "ASR-9010-AC",
  mdfId: "282414851",
  drafts: [
    smu({
      id: "AA09610", ddts: "CSCus71283", posted: "02/18/2015 11:20:14 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Line card crash on NP lockup during microcode reload", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [48210377, 80544912]
    }),
    smu({
      id: "AA09788", ddts: "CSCut84512", posted: "04/22/2015 16:02:51 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "NP lockup recovery fails after repeated microcode reloads", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [49877012, 83120645], supersedes: ["CSCus71283"]
    }),
    smu({
      id: "AA09702", ddts: "CSCut12774", posted: "03/17/2015 09:33:40 PDT", type: "Optional", impact: "Hitless",
      description: "BGP best path not recalculated after next-hop metric change", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [3104566, 9870213]
    }),
    smu({
      id: "AA09851", ddts: "CSCuu20419", posted: "05/27/2015 14:47:05 PDT", type: "Optional", impact: "Hitless",
      description: "LDP session flaps when the label advertisement filter is changed", areas: ["MPLS"],
      bundles: ["asr9k-mpls-px"], size: [2288730, 7015482], prerequisites: ["CSCut12774"]
    }),
    smu({
      id: "AA09934", ddts: "CSCuv02245", posted: "07/08/2015 18:10:29 PDT", type: "PSIRT", impact: "Hitless",
      description: "Evaluation of OpenSSL vulnerabilities (June 2015)", areas: ["SECURITY"],
      bundles: ["asr9k-k9sec-px"], size: [7830195, 21476630]
    }),
    smu({
      id: "AA10052", ddts: "CSCuw05431", posted: "09/23/2015 10:26:58 PDT", type: "Optional", impact: "Hitless",
      description: "SNMP ifHCInOctets wraps early on bundle subinterfaces", areas: ["SNMP"],
      bundles: ["asr9k-mgbl-px"], size: [1206644, 3981207]
    }),
    tar("AA09540", "ASR9K-iosxr-px-5.3.1.tar", "01/30/2015 08:00:00 PST", "ASR9K IOS XR Software 5.3.1",
      [1074855936, 1521487702]),
    tar("AA09541", "ASR9K-iosxr-px-k9-5.3.1.tar", "01/30/2015 08:00:00 PST",
      "ASR9K IOS XR Software 5.3.1, with encryption", [1181868032, 1672344189])
  ]
})
