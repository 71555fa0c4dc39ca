import { sampleRelease, smuNamed } from "./sample-release.ts"

/** ncs6k_sysadmin 5.2.3, 5.2.4, 5.2.5 (synthetic): admin-plane SMUs `ncs6k-sysadmin-<release>.<DDTS>`, no tars. */
const header = { platform: "ncs6k_sysadmin", smuSuffix: "smu", pid: "NCS-6008", mdfId: "284665391" } as const
const bundles = ["ncs6k-sysadmin"]

const smu523 = smuNamed("ncs6k-sysadmin-5.2.3.")

export const ncs6kSysadmin523 = sampleRelease({
  ...header,
  release: "5.2.3",
  creationDate: "12/01/2015 02:21:30 PST",
  drafts: [
    smu523({
      id: "AA09745", ddts: "CSCut47210", posted: "04/15/2015 12:02:44 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fan tray speed not restored after a temperature alarm clears",
      areas: ["ENVMON"], bundles, size: [21380415, 40772096]
    }),
    smu523({
      id: "AA09905", ddts: "CSCuu77453", posted: "06/24/2015 16:31:08 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fan speed and power module alarms not cleared", areas: ["ENVMON"],
      bundles, size: [21902236, 41630558], supersedes: ["CSCut47210"]
    }),
    smu523({
      id: "AA09990", ddts: "CSCuv20591", posted: "07/22/2015 09:50:27 PDT", type: "Optional", impact: "Hitless",
      description: "show inventory misses PEM serial numbers", areas: ["PLATFORM"], bundles, size: [874301, 2906512]
    }),
    smu523({
      id: "AA10120", ddts: "CSCuw11733", posted: "09/30/2015 14:12:55 PDT", type: "Optional", impact: "Hitless",
      description: "SDR manager restarts on repeated show sdr commands", areas: ["PLATFORM"], bundles,
      size: [1530268, 4470911], prerequisites: ["CSCuu77453"]
    })
  ]
})

const smu524 = smuNamed("ncs6k-sysadmin-5.2.4.")

export const ncs6kSysadmin524 = sampleRelease({
  ...header,
  release: "5.2.4",
  creationDate: "04/20/2016 02:34:02 PDT",
  drafts: [
    smu524({
      id: "AA10300", ddts: "CSCuw01982", posted: "09/23/2015 11:07:40 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric card power cycle loop after card OIR", areas: ["PLATFORM"],
      bundles, size: [22417730, 42693105]
    }),
    smu524({
      id: "AA10540", ddts: "CSCux17390", posted: "12/09/2015 15:44:19 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Fabric card power cycle loop and stale alarms after card OIR",
      areas: ["PLATFORM"], bundles, size: [22950612, 43710284], supersedes: ["CSCuw01982"]
    }),
    smu524({
      id: "AA10720", ddts: "CSCuy02946", posted: "02/17/2016 10:35:51 PST", type: "Optional", impact: "Hitless",
      description: "Disk mirroring resync never completes", areas: ["PLATFORM"], bundles, size: [1187430, 3802261],
      prerequisites: ["CSCux17390"]
    }),
    smu524({
      id: "AA10795", ddts: "CSCuy60218", posted: "03/23/2016 13:26:14 PDT", type: "Optional", impact: "Hitless",
      description: "NTP synchronisation lost after RP switchover", areas: ["PLATFORM"], bundles,
      size: [906112, 2990347]
    })
  ]
})

const smu525 = smuNamed("ncs6k-sysadmin-5.2.5.")

export const ncs6kSysadmin525 = sampleRelease({
  ...header,
  release: "5.2.5",
  creationDate: "10/05/2016 02:13:41 PDT",
  drafts: [
    smu525({
      id: "AA11170", ddts: "CSCuy62390", posted: "03/09/2016 12:18:03 PST", type: "Recommended",
      impact: "Needs Reboot", description: "Shelf manager crash when a line card is powered down", areas: ["PLATFORM"],
      bundles, size: [23106977, 44018530]
    }),
    smu525({
      id: "AA11490", ddts: "CSCuz78125", posted: "05/26/2016 14:57:32 PDT", type: "Recommended",
      impact: "Needs Reboot", description: "Shelf manager crash and slot power state lost when a line card is powered down",
      areas: ["PLATFORM"], bundles, size: [23544308, 44860715], supersedes: ["CSCuy62390"]
    }),
    smu525({
      id: "AA11620", ddts: "CSCva18807", posted: "06/22/2016 09:41:16 PDT", type: "Optional", impact: "Hitless",
      description: "Syslog forwarding stops after admin VM restart", areas: ["PLATFORM"], bundles,
      size: [1044587, 3391102], prerequisites: ["CSCuz78125"]
    }),
    smu525({
      id: "AA11880", ddts: "CSCvb11503", posted: "09/14/2016 16:03:49 PDT", type: "Optional", impact: "Hitless",
      description: "show environment power reports zero for PM3", areas: ["ENVMON"], bundles, size: [763920, 2512086]
    })
  ]
})
