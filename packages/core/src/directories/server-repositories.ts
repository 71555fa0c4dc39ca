import { Result, Schema } from "effect"
import { Address, ServerRepositoryName, Text, Username } from "../shared/names.ts"
import { reject } from "../shared/rejected.ts"
import { defineDirectory } from "./directory.ts"
import { invalidKeysMessage } from "../shared/row.ts"
import type { Stored } from "../shared/upsert.ts"

export const ServerType = Schema.Literals(["TFTP", "FTP", "SFTP", "SCP", "LOCAL"]).annotate({
  message: `must be "TFTP", "FTP", "SFTP", "SCP" or "LOCAL"`
})
export type ServerType = typeof ServerType.Type

/** Where install jobs find software packages; which keys apply depends on `server_type`. */
export const ServerRepositoryEntry = Schema.Struct({
  server_type: ServerType,
  tftp_server_path: Schema.optionalKey(Schema.String),
  file_directory: Schema.optionalKey(Schema.String),
  vrf: Schema.optionalKey(Schema.String),
  server_address: Schema.optionalKey(Schema.String),
  home_directory: Schema.optionalKey(Schema.String),
  username: Schema.optionalKey(Schema.String),
  destination_on_host: Schema.optionalKey(Schema.String),
  device_path: Schema.optionalKey(Schema.String)
})
export type ServerRepositoryEntry = typeof ServerRepositoryEntry.Type

/** The keys each server type accepts besides `hostname` and `server_type` (API.md §4). */
export const keysOfServerType: Readonly<Record<ServerType, ReadonlyArray<string>>> = {
  TFTP: ["tftp_server_path", "file_directory", "vrf"],
  FTP: ["server_address", "home_directory", "vrf", "username", "password"],
  SFTP: ["server_address", "home_directory", "username", "password"],
  SCP: ["server_address", "home_directory", "username", "password", "destination_on_host"],
  LOCAL: ["device_path"]
}

const path = Text(255)

export const ServerRepositories = defineDirectory({
  tag: "ServerRepository",
  label: "server repository",
  category: "server-repository",
  listKey: "server_repository_list",
  row: {
    nameKey: "hostname",
    name: ServerRepositoryName,
    inputs: {
      server_type: ServerType,
      tftp_server_path: path,
      file_directory: path,
      vrf: Text(100),
      server_address: Address,
      home_directory: path,
      username: Username,
      destination_on_host: path,
      device_path: path
    },
    secrets: ["password"],
    required: ["server_type"]
  },
  entry: ServerRepositoryEntry,
  restrict: (merged, given) => {
    const accepted = new Set(["server_type", ...keysOfServerType[merged.entry.server_type]])
    const refused = given.filter((key) => !accepted.has(key))
    if (refused.length > 0) return reject(invalidKeysMessage(refused, ` for server type ${merged.entry.server_type}`))
    // A repository that changed its type drops the keys of its old type.
    return Result.succeed(keep(merged, accepted))
  }
})

const keep = (stored: Stored<ServerRepositoryEntry, "password">, accepted: ReadonlySet<string>) => ({
  entry: pick(stored.entry, accepted),
  secrets: pick(stored.secrets, accepted)
})

const pick = <T extends object>(record: T, accepted: ReadonlySet<string>): T =>
  Object.fromEntries(Object.entries(record).filter(([key]) => accepted.has(key))) as T
