import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/**
 * asr9k_x64 6.1.2 (eXR, synthetic): RPM SMUs with `packageNames` and `packageMD5`; CSCvb31507 has two
 * RPMs and is superseded by CSCvd44180; CSCvc57904 needs CSCvc01618.
 */
const smu = smuNamed("asr9k-x64-6.1.2.")

export const asr9kX64612 = sampleRelease({
  platform: "asr9k_x64",
  release: "6.1.2",
  creationDate: "05/03/2017 02:27:15 PDT",
  smuSuffix: "rpm",
  pid: "ASR-9904-AC",
  mdfId: "286316237",
  drafts: [
    smu({
      id: "AA12150", ddts: "CSCvb31507", posted: "12/14/2016 13:22:50 PST", type: "Recommended",
      impact: "Needs Reboot", description: "NP fast reset loop with bundle load balancing on RSP880",
      areas: ["FORWARDING"], bundles: ["asr9k-iosxr-fwding-64", "asr9k-os-supp-64"], size: [27250318, 61874021],
      packages: [
        "asr9k-iosxr-fwding-64-2.0.0.2-r612.CSCvb31507.x86_64.rpm",
        "asr9k-os-supp-64-3.1.0.1-r612.CSCvb31507.x86_64.rpm"
      ]
    }),
    smu({
      id: "AA12230", ddts: "CSCvc01618", posted: "01/11/2017 10:40:12 PST", type: "Optional", impact: "Hitless",
      description: "Watchdog timeout under heavy disk I/O", areas: ["PLATFORM"], bundles: ["iosxr-os-asr9k-64"],
      size: [9441873, 22031506], packages: ["iosxr-os-asr9k-64-5.0.0.1-r612.CSCvc01618.x86_64.rpm"]
    }),
    smu({
      id: "AA12310", ddts: "CSCvc57904", posted: "02/08/2017 15:13:29 PST", type: "Optional", impact: "Hitless",
      description: "LDP label binding missing after graceful restart", areas: ["MPLS"], bundles: ["asr9k-mpls-x64"],
      size: [4197722, 10490113], prerequisites: ["CSCvc01618"],
      packages: ["asr9k-mpls-x64-2.1.0.1-r612.CSCvc57904.x86_64.rpm"]
    }),
    smu({
      id: "AA12405", ddts: "CSCvd44180", posted: "03/29/2017 16:55:41 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "NP fast reset loop with bundle load balancing or ECMP rehash on RSP880",
      areas: ["FORWARDING"], bundles: ["asr9k-iosxr-fwding-64", "asr9k-os-supp-64"], size: [28322095, 64230718],
      supersedes: ["CSCvb31507"],
      packages: [
        "asr9k-iosxr-fwding-64-2.0.0.4-r612.CSCvd44180.x86_64.rpm",
        "asr9k-os-supp-64-3.1.0.2-r612.CSCvd44180.x86_64.rpm"
      ]
    }),
    tar("AA12080", "ASR9K-x64-iosxr-px-k9-6.1.2.tar", "11/30/2016 08:00:00 PST",
      "ASR9K 64-bit IOS XR Software 6.1.2, with encryption", [1642070016, 2319450112])
  ]
})
