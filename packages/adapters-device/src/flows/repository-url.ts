import { Result } from "effect"
import type { DeviceOs } from "./package-names.ts"
import { untypeableName } from "./package-names.ts"

/**
 * Where the device fetches packages from (DEVICE.md §3), built from a server repository's fields
 * (core `ServerRepositoryEntry`) with its password already opened.
 */
export interface OpenRepository {
  readonly server_type: string
  readonly fields: Readonly<Record<string, string>>
  readonly password?: string
}

export type RepositorySource =
  /** `install add source <url>`; on eXR FTP/SFTP the password is typed at `Password:` rather than put in the URL. */
  | { readonly _tag: "Url"; readonly url: string; readonly typedPassword?: string }
  /** Copy each package with `scp <login>:<directory>/<pkg> <destination>`, then add from `destination`. */
  | {
    readonly _tag: "Scp"
    readonly login: string
    readonly directory: string
    readonly password: string
    readonly destination: string
  }

export const UNUSABLE_CREDENTIALS = "Repository credentials cannot be used in a device URL."

const badPassword = /[\s@/;]/
const badUsername = /[\s@/;:]/

/** Joins path parts with single slashes, dropping empty parts. */
const joinPath = (...parts: ReadonlyArray<string>): string =>
  parts.flatMap((part) => part.split("/")).filter((part) => part !== "").join("/")

const userPart = (username: string, password: string | undefined): string =>
  username === "" ? "" : password === undefined || password === "" ? `${username}@` : `${username}:${password}@`

export const repositorySource = (
  repository: OpenRepository,
  serverDirectory: string,
  os: DeviceOs
): Result.Result<RepositorySource, string> => {
  const field = (key: string): string => repository.fields[key] ?? ""
  const username = field("username")
  const password = repository.password
  if (badUsername.test(username) || (password !== undefined && badPassword.test(password))) {
    return Result.fail(UNUSABLE_CREDENTIALS)
  }
  const untypeable = untypeableName(
    [serverDirectory, field("tftp_server_path"), field("server_address"), field("home_directory"), field("vrf"),
      field("destination_on_host"), field("device_path")].filter((part) => part !== "")
  )
  if (untypeable !== undefined) return Result.fail(untypeable)
  const vrf = field("vrf") === "" ? "" : `;${field("vrf")}`

  switch (repository.server_type) {
    case "TFTP": {
      const [host = "", ...path] = field("tftp_server_path").replace(/^tftp:\/\//, "").split("/")
      return Result.succeed({ _tag: "Url", url: `tftp://${host}${vrf}/${joinPath(...path, serverDirectory)}` })
    }
    case "FTP":
    case "SFTP": {
      const scheme = repository.server_type.toLowerCase()
      const path = joinPath(field("home_directory"), serverDirectory)
      const at = `${field("server_address")}${scheme === "ftp" ? vrf : ""}/${path}`
      if (os === "eXR" && password !== undefined && password !== "") {
        return Result.succeed({ _tag: "Url", url: `${scheme}://${userPart(username, undefined)}${at}`, typedPassword: password })
      }
      return Result.succeed({ _tag: "Url", url: `${scheme}://${userPart(username, password)}${at}` })
    }
    case "SCP":
      return Result.succeed({
        _tag: "Scp",
        login: `${username}@${field("server_address")}`,
        directory: `/${joinPath(field("home_directory"), serverDirectory)}`,
        password: password ?? "",
        destination: field("destination_on_host")
      })
    default:
      return Result.succeed({ _tag: "Url", url: field("device_path") })
  }
}
