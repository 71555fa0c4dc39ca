import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readLabOptions } from "./lab-options.ts"

describe("csm-lab's options", () => {
  it("reads every option, in both spellings", () => {
    expect(readLabOptions(["--count", "4", "--os=exr", "--base-port", "20000", "--time-scale", "0.001"])).toEqual(
      Result.succeed({ _tag: "Run", options: { count: 4, os: "exr", basePort: 20000, timeScale: 0.001 } })
    )
  })

  it("defaults to mixed routers on free ports at the simulator's own time scale", () => {
    expect(readLabOptions(["--count", "2"])).toEqual(
      Result.succeed({ _tag: "Run", options: { count: 2, os: "mixed", basePort: undefined, timeScale: undefined } })
    )
  })

  it("answers --help", () => {
    expect(readLabOptions(["--count", "2", "--help"])).toEqual(Result.succeed({ _tag: "Help" }))
  })

  it("says what is wrong with an option", () => {
    expect(readLabOptions([])).toEqual(Result.fail("The option --count is required; --help lists the options."))
    expect(readLabOptions(["--count", "0"])).toEqual(Result.fail(`--count must be a whole number from 1 to 1000, not "0".`))
    expect(readLabOptions(["--count", "1", "--os", "ios"])).toEqual(Result.fail(`--os must be xr, exr or mixed, not "ios".`))
    expect(readLabOptions(["--count", "1", "--time-scale", "-1"])).toEqual(Result.fail(`--time-scale must be a number greater than 0, not "-1".`))
    expect(readLabOptions(["--count", "1", "--colour"])).toEqual(Result.fail("Unknown option '--colour'; --help lists the options."))
    expect(readLabOptions(["--count"])).toEqual(Result.fail("The option --count needs a value."))
    expect(readLabOptions(["--count", "3", "--base-port", "65531"])).toEqual(
      Result.fail("--base-port 65531 leaves no room for 3 routers (two ports each, up to 65535).")
    )
  })
})
