import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/**
 * asr9k_px 6.0.0 (synthetic) with two anomalies of CCO.md §7: the sample's one dangling prerequisite
 * (CSCva55120 needs the absent CSCuz81213) and CSCux64123, a classic SMU whose DDTS contains `x64`.
 */
const smu = smuNamed("asr9k-px-6.0.0.")

export const asr9kPx600 = sampleRelease({
  platform: "asr9k_px",
  release: "6.0.0",
  creationDate: "09/12/2016 01:37:48 PDT",
  smuSuffix: "pie",
  pid: "ASR-9010-AC",
  mdfId: "282414851",
  drafts: [
    smu({
      id: "AA10990", ddts: "CSCux64123", posted: "01/28/2016 12:19:55 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Typhoon line card reloads on TCAM parity error", areas: ["PLATFORM"],
      bundles: ["asr9k-mini-px"], size: [57301822, 95422718]
    }),
    smu({
      id: "AA11140", ddts: "CSCuy29340", posted: "03/02/2016 10:48:31 PST", type: "Optional", impact: "Hitless",
      description: "OSPF LSA refresh storm after area range change", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [3861250, 11247036]
    }),
    smu({
      id: "AA11370", ddts: "CSCuz40771", posted: "05/04/2016 14:30:07 PDT", type: "Optional", impact: "Hitless",
      description: "OSPF LSA refresh storm and SPF throttle ignored after area range change", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [4072381, 11830562], supersedes: ["CSCuy29340"]
    }),
    smu({
      id: "AA11212", ddts: "CSCuy88516", posted: "04/06/2016 16:12:44 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Bundle member stuck in standby after RSP switchover", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [55902417, 93170290]
    }),
    smu({
      id: "AA11581", ddts: "CSCva01377", posted: "06/08/2016 11:05:26 PDT", type: "Optional", impact: "Hitless",
      description: "MPLS TE tunnel stays down after auto-bandwidth resize", areas: ["MPLS"],
      bundles: ["asr9k-mpls-px"], size: [2977105, 9034418], prerequisites: ["CSCuy88516"]
    }),
    smu({
      id: "AA11740", ddts: "CSCva55120", posted: "08/03/2016 09:58:13 PDT", type: "Optional", impact: "Hitless",
      description: "XML agent leaks memory on large get-config requests", areas: ["MGBL"],
      bundles: ["asr9k-mgbl-px"], size: [1420733, 4388105], prerequisites: ["CSCuz81213"]
    }),
    tar("AA10860", "ASR9K-iosxr-px-6.0.0.tar", "12/18/2015 08:00:00 PST", "ASR9K IOS XR Software 6.0.0",
      [1213594624, 1716283020]),
    tar("AA10861", "ASR9K-iosxr-px-k9-6.0.0.tar", "12/18/2015 08:00:00 PST",
      "ASR9K IOS XR Software 6.0.0, with encryption", [1326448640, 1876129412])
  ]
})
