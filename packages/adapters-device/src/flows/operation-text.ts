import type { DeviceOs } from "./package-names.ts"

/** What an install operation prints on each OS (DEVICE.md §6.3, §9.3), read by pure functions. */

/** The op id of the start output: classic `Install operation 31 '…`, eXR `Install operation 15 started`. */
export const operationId = (output: string, os: DeviceOs): number | undefined => {
  const found = (os === "XR" ? /Install operation (\d+) '/ : /Install operation (\d+)/).exec(output)
  return found === null ? undefined : Number(found[1])
}

export const accepted = (output: string, os: DeviceOs): boolean =>
  output.includes(os === "XR" ? "The install operation will continue asynchronously" : "Install operation will continue in the background")

export const pollCommand = (os: DeviceOs): string => os === "XR" ? "admin show install request" : "show install request"

export const logCommand = (id: number, os: DeviceOs): string =>
  `${os === "XR" ? "admin " : ""}show install log ${id} detail`

/** The unsolicited line that ends the operation, success or failure. */
export const completionLine = (id: number, os: DeviceOs): RegExp =>
  os === "XR"
    ? new RegExp(`Install operation ${id} (?:completed successfully|failed)`)
    : new RegExp(`Install operation ${id} (?:finished successfully|aborted)`)

/** `show install request` says nothing runs. */
export const noRequest = (output: string, os: DeviceOs): boolean =>
  output.includes(os === "XR" ? "There are no install requests in operation" : "No install operation in progress")

/** `40% complete, 1,536KB downloaded`, when the poll shows operation `id`. */
export const progressOf = (output: string, id: number, os: DeviceOs): string | undefined => {
  if (os === "XR") {
    if (!new RegExp(`Install operation ${id} '`).test(output)) return undefined
    const percent = /The operation is (\d+)% complete/.exec(output)?.[1]
    const downloaded = /(.*)KB downloaded: Download in progress/.exec(output)?.[1]
    return [percent === undefined ? undefined : `${percent}% complete`, downloaded === undefined ? undefined : `${downloaded.trim()}KB downloaded`]
      .filter((part) => part !== undefined).join(", ")
  }
  const percent = new RegExp(`The install \\w*?\\s?operation ${id} is (\\d+)% complete`).exec(output)?.[1]
  return percent === undefined ? undefined : `${percent}% complete`
}

/** The log detail says the operation failed (classic) or was aborted (eXR). */
export const logSaysFailed = (log: string, id: number, os: DeviceOs): boolean =>
  new RegExp(`Install operation ${id} ${os === "XR" ? "failed" : "aborted"}`).test(log)

/** The device's error lines, which become warnings: classic `Error:    <text>`, eXR `ERROR! <text>`. */
export const errorLines = (output: string, os: DeviceOs): ReadonlyArray<string> =>
  [...output.matchAll(os === "XR" ? /Error: {4}(.*)$/gm : /E[Rr][Rr][Oo][Rr]:?!* *(.*)/g)]
    .map((match) => match[1]!.trim())
    .filter((line) => line !== "")

/** Every `Install Method: <m>` of a classic log. */
export const installMethods = (log: string): ReadonlyArray<string> =>
  [...log.matchAll(/Install [Mm]ethod: (.*)/g)].map((match) => match[1]!.trim())

/** Classic start output or log announcing a reload. */
export const announcesReload = (text: string): boolean =>
  text.includes("Parallel Reload") || text.includes("This operation will reload the following nodes in parallel")

/** eXR log detail: the names under `Packages added:`/`Package list:` (`<15-char timestamp>     <name>`). */
export const loggedPackages = (log: string): ReadonlyArray<string> =>
  [...log.matchAll(/^.{15} {5}(\S+)\s*$/gm)].map((match) => match[1]!)
