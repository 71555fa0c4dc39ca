import { sampleRelease, smuNamed, tar } from "./sample-release.ts"
import type { SmuFields } from "./sample-release.ts"

/**
 * asr9k_px 5.3.3 exactly as the table of CCO.md §7: the guide's records (CSCuz05961, CSCva29114,
 * CSCux31992), the nine SMUs CSCuz05961 supersedes, the chain through the obsoleted CSCux02215, the
 * in-transit CSCva41207, two service packs and two tars.
 */
const prefix = "asr9k-px-5.3.3."
const smu = smuNamed(prefix)

/** Superseded by CSCuz05961, in the order its `supercedes` lists them. */
const nine: ReadonlyArray<SmuFields> = [
  {
    id: "AA11011", ddts: "CSCtz68435", posted: "12/01/2015 10:12:41 PST", type: "Optional", impact: "Needs Reboot",
    description: "Interface flaps on 4x10GE MPA after optics DOM polling", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [61341208, 98411032]
  },
  {
    id: "AA11051", ddts: "CSCux32820", posted: "01/13/2016 16:40:05 PST", type: "Optional", impact: "Needs Reboot",
    description: "4x10GE MPA port stays down after remote fault clears", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [62017394, 99213506]
  },
  {
    id: "AA11161", ddts: "CSCuv63743", posted: "12/16/2015 09:27:52 PST", type: "Recommended", impact: "Needs Reboot",
    description: "Link flap on 10GE ports of A9K-MPA-4X10GE with long copper cables", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [61822970, 98977214]
  },
  {
    id: "AA11159", ddts: "CSCuy75598", posted: "04/15/2016 11:03:19 PDT", type: "Optional", impact: "Needs Reboot",
    description: "FEC counters not cleared on 4x10GE MPA after clear counters", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [63120455, 101084377]
  },
  {
    id: "AA11117", ddts: "CSCuy47708", posted: "03/02/2016 14:55:08 PST", type: "Optional", impact: "Needs Reboot",
    description: "Carrier delay not honoured on 4x10GE MPA ports", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [62698731, 100357662]
  },
  {
    id: "AA11223", ddts: "CSCuy71556", posted: "03/23/2016 08:18:44 PDT", type: "Optional", impact: "Needs Reboot",
    description: "PHY reset loop on 4x10GE MPA after MPA OIR", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [62944106, 100802519]
  },
  {
    id: "AA10928", ddts: "CSCux20499", posted: "01/06/2016 13:36:27 PST", type: "Optional", impact: "Needs Reboot",
    description: "Optics alarms raised late on 4x10GE MPA", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [61977820, 99180433]
  },
  {
    id: "AA11036", ddts: "CSCuy32183", posted: "02/24/2016 17:49:10 PST", type: "Optional", impact: "Needs Reboot",
    description: "Link stays up on 4x10GE MPA after fibre pull with LFS enabled", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [62480317, 100023995]
  },
  {
    id: "AA10944", ddts: "CSCux85576", posted: "02/10/2016 10:21:33 PST", type: "Optional", impact: "Needs Reboot",
    description: "Bundle member on 4x10GE MPA flaps during LACP rate change", areas: ["ETHER"],
    bundles: ["asr9k-mini-px"], size: [62311590, 99745101]
  }
]

export const asr9kPx533 = sampleRelease({
  platform: "asr9k_px",
  release: "5.3.3",
  creationDate: "08/09/2016 02:10:05 PDT",
  smuSuffix: "pie",
  pid: "ASR-9010-AC",
  mdfId: "282414851",
  drafts: [
    smu({
      id: "AA11308", ddts: "CSCuz05961", posted: "04/27/2016 21:39:38 PDT", type: "Optional", impact: "Needs Reboot",
      description: "Link Flaps : Adaptive FEC control algorithm not working in 4x10GE", areas: ["ETHER"],
      bundles: ["asr9k-mini-px"], size: [113616329, 181961047], prerequisites: ["CSCux24553"],
      supersedes: nine.map((fields) => fields.ddts)
    }),
    smu({
      id: "AA11262", ddts: "CSCux24553", posted: "04/22/2016 10:05:44 PDT", type: "Recommended", impact: "Needs Reboot",
      description: "Platform infra update required by later ETHER SMUs", areas: ["PLATFORM"],
      bundles: ["asr9k-mini-px"], size: [38204117, 64930552]
    }),
    ...nine.map(smu),
    smu({
      id: "AA11103", ddts: "CSCux31992", posted: "04/19/2016 17:14:11 PDT", type: "Recommended", impact: "Needs Reboot",
      description: "nV Edge IRL flap by Bay0 MPA reload, even if we change timeout of UDLD", areas: ["QOS"],
      bundles: ["asr9k-mini-px"], size: [4261807, 18851717]
    }),
    smu({
      id: "AA11833", ddts: "CSCva29114", posted: "08/08/2016 12:57:37 PDT", type: "Optional", impact: "Hitless",
      description: "SNMP mplsL3VpnVrfRteInetCidrProto Error: OID not increasing", areas: ["SNMP"],
      bundles: ["asr9k-mpls-px"], size: [216967, 633293]
    }),
    smu({
      id: "AA11085", ddts: "CSCux89921", posted: "03/30/2016 15:22:09 PDT", type: "Recommended", impact: "Hitless",
      description: "BFD over bundle sessions flap after RSP switchover", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [2871334, 9120448]
    }),
    smu({
      id: "AA11098", ddts: "CSCuy03335", posted: "04/12/2016 09:47:56 PDT", type: "Optional", impact: "Hitless",
      description: "L2VPN pseudowire stays down after remote PE restart with LDP graceful restart", areas: ["L2VPN"],
      bundles: ["asr9k-mpls-px"], size: [1794210, 5633871]
    }),
    smu({
      id: "AA10960", ddts: "CSCuv10217", posted: "12/21/2015 11:30:02 PST", type: "Optional", impact: "Hitless",
      description: "BGP convergence slow with large prefix-sets in route-policy", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [5120336, 14887902]
    }),
    {
      ...smu({
        id: "AA11075", ddts: "CSCux02215", posted: "02/09/2016 14:08:27 PST", type: "Optional", impact: "Hitless",
        description: "BGP convergence slow with large prefix-sets and as-path sets in route-policy", areas: ["ROUTING"],
        bundles: ["asr9k-mini-px"], size: [5388014, 15502871], supersedes: ["CSCuv10217"]
      }),
      status: "Obsoleted"
    },
    smu({
      id: "AA11290", ddts: "CSCuy58113", posted: "05/10/2016 18:02:45 PDT", type: "Recommended", impact: "Hitless",
      description: "BGP convergence and route-policy evaluation slow with large sets", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [5604482, 16019530], supersedes: ["CSCux02215"]
    }),
    smu({
      id: "AA11655", ddts: "CSCva10652", posted: "06/14/2016 10:51:19 PDT", type: "Optional", impact: "Hitless",
      description: "BGP additional-paths not advertised after route-policy change", areas: ["ROUTING"],
      bundles: ["asr9k-mini-px"], size: [3377150, 10412667], prerequisites: ["CSCuv10217"]
    }),
    {
      ...smu({
        id: "AA11902", ddts: "CSCva41207", posted: "", type: "Optional", impact: "Hitless",
        description: "Netflow export stops after sampler map change on bundle subinterface", areas: ["NETFLOW"],
        bundles: ["asr9k-mini-px"], size: [0, 0]
      }),
      kind: "smuIntransit",
      status: "In Transit",
      customerEta: "08/26/2016"
    },
    {
      kind: "sp", id: "AA11420", name: `${prefix}sp1`, status: "Posted", type: "Recommended",
      description: "ASR9K IOS XR 5.3.3 Service Pack 1", impact: "Needs Reboot", posted: "05/02/2016 13:15:40 PDT",
      bundles: ["asr9k-mini-px", "asr9k-mpls-px"], size: [371209876, 812453921]
    },
    {
      kind: "sp", id: "AA11750", name: `${prefix}sp2`, status: "Posted", type: "Recommended",
      description: "ASR9K IOS XR 5.3.3 Service Pack 2", impact: "Needs Reboot", posted: "07/21/2016 16:44:03 PDT",
      bundles: ["asr9k-mini-px", "asr9k-mpls-px"], size: [419874532, 902113407], supersedes: [`${prefix}sp1`],
      compositeDdts: ["CSCux31992", "CSCuz05961", "CSCux24553"]
    },
    tar("AA10800", "ASR9K-iosxr-px-5.3.3.tar", "11/20/2015 08:00:00 PST", "ASR9K IOS XR Software 5.3.3",
      [1142978560, 1619124314]),
    tar("AA10801", "ASR9K-iosxr-px-k9-5.3.3.tar", "11/20/2015 08:00:00 PST",
      "ASR9K IOS XR Software 5.3.3, with encryption", [1254041600, 1774408021])
  ]
})
