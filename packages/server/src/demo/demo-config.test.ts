import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readDemoConfig } from "./demo-config.ts"

const configOf = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>) => {
  const read = readDemoConfig(args, env)
  if (Result.isFailure(read) || read.success._tag !== "Run") throw new Error(`not a run: ${JSON.stringify(read)}`)
  return read.success.config
}

describe("the demo's settings", () => {
  it("keep the demo's data apart and run the device clock at the lab's pace; the rest are the server's defaults", () => {
    expect(configOf([], {})).toMatchObject({ port: 5000, dataDir: "./data-demo", store: "sqlite", deviceTimeScale: 0.01, adminPassword: undefined })
    expect(configOf([], { CSM_DATA_DIR: " ", CSM_DEVICE_TIME_SCALE: "" })).toMatchObject({ dataDir: "./data-demo", deviceTimeScale: 0.01 })
  })

  it("take the server's variables and flags over the demo's defaults", () => {
    expect(configOf(["--device-time-scale", "0.001"], { CSM_PORT: "0", CSM_DATA_DIR: "/tmp/d", CSM_STORE: "memory" })).toMatchObject({
      port: 0, dataDir: "/tmp/d", store: "memory", deviceTimeScale: 0.001
    })
  })

  it("refuse what the server refuses, and answer --help", () => {
    expect(readDemoConfig([], { CSM_DEVICE_TIME_SCALE: "2" })).toEqual(
      Result.fail(`CSM_DEVICE_TIME_SCALE must be a number greater than 0 and at most 1, not "2".`)
    )
    expect(readDemoConfig(["--help"], {})).toEqual(Result.succeed({ _tag: "Help" }))
  })
})
