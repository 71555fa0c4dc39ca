import { sampleRelease, smuNamed, tar } from "./sample-release.ts"

/**
 * ncs5500 6.1.3 (eXR, synthetic): RPM SMUs with `packageNames` and `packageMD5`. CSCve17920 (two
 * RPMs) supersedes CSCvd07722 and is CSCve29118's prerequisite (CCO.md §5.7).
 */
const smu = smuNamed("ncs5500-6.1.3.")

export const ncs5500613 = sampleRelease({
  platform: "ncs5500",
  release: "6.1.3",
  creationDate: "06/14/2017 02:51:22 PDT",
  smuSuffix: "rpm",
  pid: "NCS-5508",
  mdfId: "286291132",
  drafts: [
    smu({
      id: "AA12420", ddts: "CSCvd07722", posted: "03/22/2017 14:06:37 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Kernel panic on the RP under heavy LPTS punt load", areas: ["PLATFORM"],
      bundles: ["ncs5500-os-support"], size: [18231407, 41960218],
      packages: ["ncs5500-os-support-4.0.0.5-r613.CSCvd07722.x86_64.rpm"]
    }),
    smu({
      id: "AA12530", ddts: "CSCve17920", posted: "05/17/2017 15:32:08 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Kernel panic on the RP under heavy LPTS punt load, and infra memory leak",
      areas: ["PLATFORM"], bundles: ["ncs5500-os-support", "ncs5500-infra"], size: [31402775, 70288133],
      supersedes: ["CSCvd07722"],
      packages: [
        "ncs5500-os-support-4.0.0.6-r613.CSCve17920.x86_64.rpm",
        "ncs5500-infra-4.1.0.2-r613.CSCve17920.x86_64.rpm"
      ]
    }),
    smu({
      id: "AA12561", ddts: "CSCve29118", posted: "05/31/2017 10:19:44 PDT", type: "Optional", impact: "Hitless",
      description: "ECMP hash polarisation on bundle members after DPA restart", areas: ["FORWARDING"],
      bundles: ["ncs5500-dpa"], size: [12605331, 29377804], prerequisites: ["CSCve17920"],
      packages: ["ncs5500-dpa-3.0.0.22-r613.CSCve29118.x86_64.rpm"]
    }),
    smu({
      id: "AA12470", ddts: "CSCvd46131", posted: "04/12/2017 11:48:05 PDT", type: "Optional", impact: "Hitless",
      description: "LDP labels not released after a neighbour flap", areas: ["MPLS"],
      bundles: ["ncs5500-mpls"], size: [3411926, 8920447],
      packages: ["ncs5500-mpls-2.1.0.3-r613.CSCvd46131.x86_64.rpm"]
    }),
    tar("AA12350", "NCS5500-iosxr-6.1.3.tar", "03/08/2017 08:00:00 PST", "NCS 5500 IOS XR Software 6.1.3",
      [1180696576, 1694498816]),
    tar("AA12351", "NCS5500-iosxr-k9-6.1.3.tar", "03/08/2017 08:00:00 PST",
      "NCS 5500 IOS XR Software 6.1.3, with encryption", [1263534080, 1812987904])
  ]
})
