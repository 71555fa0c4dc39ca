import type { Plane } from "./commands/command.ts"

/** The prompt of each plane (DEVICE.md §9.1); `RSP1` after a switchover. */
export const promptOf = (plane: Plane, hostname: string, activeRsp: 0 | 1): string => {
  switch (plane) {
    case "xr":
      return `RP/0/RSP${activeRsp}/CPU0:${hostname}#`
    case "classicAdmin":
      return `RP/0/RSP${activeRsp}/CPU0:${hostname}(admin)#`
    case "adminVm":
      return `sysadmin-vm:0_RSP${activeRsp}#`
  }
}
