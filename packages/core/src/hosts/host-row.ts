import { formatGmt, fromIsoTime } from "../shared/time.ts"
import type { HostRecord } from "./projection.ts"

/** A host as GET /api/v1/hosts shows it: strings only, lists comma-joined, unknown facts "". */
export interface HostRow {
  readonly hostname: string
  readonly region: string
  readonly roles: string
  readonly connection_type: string
  readonly ts_or_ip: string
  readonly port_number: string
  readonly host_username: string
  readonly jump_host: string
  readonly location: string
  readonly family: string
  readonly hardware: string
  readonly os_type: string
  readonly software_platform: string
  readonly software_version: string
  readonly created_by: string
  readonly created_time: string
}

export const toHostRow = ({ name, entry, facts, created_by, created_time }: HostRecord): HostRow => ({
  hostname: name,
  region: entry.region,
  roles: entry.roles?.join(",") ?? "",
  connection_type: entry.connection_type,
  ts_or_ip: entry.ts_or_ip.join(","),
  port_number: entry.port_number?.join(",") ?? "",
  host_username: entry.username ?? "",
  jump_host: entry.jump_host ?? "",
  location: entry.location ?? "",
  family: facts?.family ?? "",
  hardware: facts?.hardware ?? "",
  os_type: facts?.os_type ?? "",
  software_platform: facts?.software_platform ?? "",
  software_version: facts?.software_version ?? "",
  created_by,
  created_time: formatGmt(fromIsoTime(created_time))
})
