import { Schema } from "effect"
import type { RowSpec } from "../shared/row.ts"
import {
  ConnectionType, Hostname, JumpHostName, PortNumbers, RegionName, Roles, Text, TsOrIp, Username
} from "../shared/names.ts"

/** A managed host as the user describes it (API.md §5); list values are kept as lists. */
export const HostEntry = Schema.Struct({
  region: Schema.String,
  connection_type: ConnectionType,
  ts_or_ip: Schema.Array(Schema.String),
  roles: Schema.optionalKey(Schema.Array(Schema.String)),
  username: Schema.optionalKey(Schema.String),
  port_number: Schema.optionalKey(Schema.Array(Schema.Number)),
  jump_host: Schema.optionalKey(Schema.String),
  location: Schema.optionalKey(Schema.String)
})
export type HostEntry = typeof HostEntry.Type

/** The device passwords, sealed. */
export const HostSecrets = Schema.Struct({
  password: Schema.optionalKey(Schema.String),
  enable_password: Schema.optionalKey(Schema.String)
})
export type HostSecrets = typeof HostSecrets.Type
export type HostSecretKey = keyof HostSecrets

/** What the device tells about itself once reached; empty strings in the API until then. */
export const HostFacts = Schema.Struct({
  family: Schema.String,
  hardware: Schema.String,
  os_type: Schema.String,
  software_platform: Schema.String,
  software_version: Schema.String
})
export type HostFacts = typeof HostFacts.Type

/** The packages the device last reported, by install state. */
export const HostPackages = Schema.Struct({
  active: Schema.Array(Schema.String),
  inactive: Schema.Array(Schema.String),
  committed: Schema.Array(Schema.String)
})
export type HostPackages = typeof HostPackages.Type

/** The keys of POST /api/v1/hosts. */
export const hostRowSpec: RowSpec<HostEntry, HostSecretKey> = {
  nameKey: "hostname",
  name: Hostname,
  inputs: {
    region: RegionName,
    connection_type: ConnectionType,
    ts_or_ip: TsOrIp,
    roles: Roles,
    username: Username,
    port_number: PortNumbers,
    jump_host: JumpHostName,
    location: Text(100)
  },
  secrets: ["password", "enable_password"],
  required: ["region", "connection_type", "ts_or_ip"]
}
