import { describe, expect, it } from "vitest"
import { ccoDateRank } from "./cco-date.ts"

describe("CCO dates", () => {
  it("ranks date-times in time order, zone ignored, malformed lowest", () => {
    expect(ccoDateRank("08/09/2016 02:10:05 PDT")).toBe("20160809021005")
    expect(ccoDateRank("8/9/2016")).toBe("20160809000000")
    expect(ccoDateRank("04/27/2016 21:39:38 PDT") > ccoDateRank("12/01/2015 10:00:00 PST")).toBe(true)
    expect(ccoDateRank("")).toBe("")
    expect(ccoDateRank("soon")).toBe("")
  })
})
