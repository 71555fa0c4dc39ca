import { describe, expect, it } from "vitest"
import {
  accepted, announcesReload, completionLine, errorLines, installMethods, loggedPackages, logSaysFailed, noRequest, operationId,
  progressOf
} from "./operation-text.ts"

const classicStart = [
  "Install operation 31 '(admin) install add source /tftp://10.1.1.10/images/533/ asr9k-px-5.3.3.CSCuz05961.pie' started by user 'cisco' via CLI at 10:15:02 UTC Tue Mar 07 2017.",
  "The install operation will continue asynchronously."
].join("\n")
const exrStart = [
  "Mar 07 10:20:01 Install operation 13 started by cisco:",
  "  install activate pkg asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345",
  "Mar 07 10:20:01 Package list:",
  "Mar 07 10:20:01     asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345",
  "Mar 07 10:20:08 Install operation will continue in the background"
].join("\n")

describe("install operation text (DEVICE.md §6.3, §10)", () => {
  it("reads the op id and the accepted sentence", () => {
    expect(operationId(classicStart, "XR")).toBe(31)
    expect(accepted(classicStart, "XR")).toBe(true)
    expect(operationId(exrStart, "eXR")).toBe(13)
    expect(accepted(exrStart, "eXR")).toBe(true)
    expect(accepted("Error:    Cannot proceed with the operation as another install command is currently in operation.", "XR"))
      .toBe(false)
  })

  it("recognises the completion line of its own operation only", () => {
    expect(completionLine(31, "XR").test("Install operation 31 completed successfully at 10:16:40 UTC Tue Mar 07 2017.")).toBe(true)
    expect(completionLine(31, "XR").test("Install operation 3 completed successfully")).toBe(false)
    expect(completionLine(15, "eXR").test("Mar 07 11:04:01 Install operation 15 finished successfully")).toBe(true)
    expect(completionLine(13, "eXR").test("Mar 07 10:20:40 Install operation 13 aborted")).toBe(true)
  })

  it("reads progress and the idle answer of the poll", () => {
    const running = [
      classicStart.split("\n")[0],
      "The operation is 40% complete",
      "1,536KB downloaded: Download in progress",
      "The operation can still be aborted (ctrl-c for options)"
    ].join("\n")
    expect(progressOf(running, 31, "XR")).toBe("40% complete, 1,536KB downloaded")
    expect(progressOf(running, 32, "XR")).toBeUndefined()
    expect(progressOf("The install activate operation 15 is 40% complete", 15, "eXR")).toBe("40% complete")
    expect(noRequest("There are no install requests in operation.", "XR")).toBe(true)
    expect(noRequest(" No install operation in progress", "eXR")).toBe(true)
    expect(noRequest(running, "XR")).toBe(false)
  })

  it("reads a failed verdict and its error lines", () => {
    const exrLog = [
      exrStart.split("\n")[0],
      "Mar 07 10:20:39 ERROR! Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active",
      "Mar 07 10:20:40 Install operation 13 aborted"
    ].join("\n")
    expect(logSaysFailed(exrLog, 13, "eXR")).toBe(true)
    expect(errorLines(exrLog, "eXR")).toEqual(["Prerequisite asr9k-bgp-x64-1.0.0.0-r612 is not active"])
    const classicRefusal = [
      "Error:    Cannot activate the following packages as they are already active on",
      "Error:    the router:",
      "Error:        disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0",
      "Install operation 37 failed at 10:20:11 UTC Tue Mar 07 2017."
    ].join("\n")
    expect(logSaysFailed(classicRefusal, 37, "XR")).toBe(true)
    expect(errorLines(classicRefusal, "XR")).toEqual([
      "Cannot activate the following packages as they are already active on",
      "the router:",
      "disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0"
    ])
  })

  it("reads install methods, reload notices and logged package names", () => {
    expect(installMethods("    Install method: Parallel Process Restart\nInfo:     Install Method: Parallel Reload"))
      .toEqual(["Parallel Process Restart", "Parallel Reload"])
    expect(announcesReload("Info:     This operation will reload the following nodes in parallel:")).toBe(true)
    expect(announcesReload("Info:     Install Method: Parallel Process Restart")).toBe(false)
    expect(loggedPackages("Mar 07 10:16:09 Packages added:\nMar 07 10:16:09     asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345\n"))
      .toEqual(["asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345"])
  })
})
