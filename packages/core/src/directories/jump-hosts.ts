import { Schema } from "effect"
import { Address, ConnectionType, JumpHostName, PortNumber, Username } from "../shared/names.ts"
import { defineDirectory } from "./directory.ts"

/** A host that CSM logs into first, to reach the hosts behind it. */
export const JumpHostEntry = Schema.Struct({
  connection_type: ConnectionType,
  host_or_ip: Schema.String,
  port_number: Schema.optionalKey(Schema.Number),
  username: Schema.optionalKey(Schema.String)
})
export type JumpHostEntry = typeof JumpHostEntry.Type

export const JumpHosts = defineDirectory({
  tag: "JumpHost",
  label: "jump host",
  category: "jump-host",
  listKey: "jump_host_list",
  row: {
    nameKey: "hostname",
    name: JumpHostName,
    inputs: { connection_type: ConnectionType, host_or_ip: Address, port_number: PortNumber, username: Username },
    secrets: ["password"],
    required: ["connection_type", "host_or_ip"]
  },
  entry: JumpHostEntry
})
