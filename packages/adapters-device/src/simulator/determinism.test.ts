import { describe, expect, it } from "vitest"
import { openTerminal } from "./sim-terminal.ts"
import { useTestRouters } from "./testing/test-routers.ts"

const { router } = useTestRouters()

/** Times and uptimes masked: what is left must depend only on configuration and commands (DEVICE.md §9.5). */
const masked = (text: string): string =>
  text
    .replace(/\d\d:\d\d:\d\d(?:\.\d{3})?/g, "<time>")
    .replace(/uptime is .*/g, "uptime is <uptime>")

const script = {
  xr: [
    "show version brief",
    "admin show platform",
    "admin install add source tftp://10.1.1.10/images/533 asr9k-px-5.3.3.CSCuz05961.pie async",
    "admin show install request",
    "admin show install request",
    "admin show install request",
    "admin install activate disk0:asr9k-px-5.3.3.CSCuz05961-1.0.0 prompt-level none async",
    "admin show install request",
    "admin show install request",
    "admin show install request",
    "admin show install log 2 detail",
    "admin install commit",
    "show logging last 500"
  ],
  exr: [
    "show version",
    "show platform",
    "install add source tftp://10.1.1.10/images/612 asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345.x86_64.rpm",
    "show install request",
    "show install request",
    "show install request",
    "install activate asr9k-bgp-x64-1.0.0.1-r612.CSCvc12345",
    "show install request",
    "show install request",
    "show install request",
    "show install log 2 detail",
    "admin",
    "show install active",
    "exit"
  ]
} as const

const transcript = async (flavour: "xr" | "exr"): Promise<string> => {
  const t = openTerminal(router(flavour), { transport: "telnet" })
  t.type("cisco\rcisco\r")
  for (const command of script[flavour]) await t.command(command)
  return masked(t.output())
}

describe("determinism with progressMode polls", () => {
  it.each(["xr", "exr"] as const)("gives the same %s transcript for the same commands", async (flavour) => {
    const first = await transcript(flavour)
    expect(first).toContain(flavour === "xr" ? "Install operation 3 completed successfully" : "Install operation 2 finished successfully")
    expect(await transcript(flavour)).toBe(first)
  })
})
