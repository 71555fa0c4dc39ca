import { Result } from "effect"

/**
 * `csm-lab --count N [--os xr|exr|mixed] [--base-port P] [--time-scale F]`: how many simulated routers,
 * which personalities, where their ports are and how fast their clocks run.
 */
export type LabOs = "xr" | "exr" | "mixed"

export interface LabOptions {
  readonly count: number
  readonly os: LabOs
  /** Router i listens for SSH on basePort + 2i and for telnet on basePort + 2i + 1; unset: ephemeral ports. */
  readonly basePort: number | undefined
  /** Simulated durations are multiplied by this (DEVICE.md §9.5); unset: the simulator's default. */
  readonly timeScale: number | undefined
}

export type LabInvocation = { readonly _tag: "Help" } | { readonly _tag: "Run"; readonly options: LabOptions }

const maxRouters = 1000

export const labUsage = (): string =>
  [
    "Usage: csm-lab --count N [--os xr|exr|mixed] [--base-port P] [--time-scale F]",
    "",
    "Starts N simulated IOS XR routers on 127.0.0.1 and prints one JSON line per router (hostname, os,",
    "ports, login, a server repository to create and the packages it holds); runs until SIGINT or SIGTERM.",
    "",
    `  --count N         how many routers, 1 to ${maxRouters}`,
    "  --os OS           xr (classic), exr, or mixed (alternating, classic first); default mixed",
    "  --base-port P     router i takes SSH port P+2i and telnet port P+2i+1; default: any free ports",
    "  --time-scale F    multiplies every simulated duration (0.001: an install takes milliseconds); default 0.01; give csm-server the same CSM_DEVICE_TIME_SCALE"
  ].join("\n")

interface Option<A> {
  readonly read: (text: string) => A | undefined
  /** Completes "<flag> must be …" when `read` refuses a text. */
  readonly expected: string
}

const wholeNumber = (min: number, max: number) => (text: string): number | undefined =>
  /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined

const flags = {
  "--count": { read: wholeNumber(1, maxRouters), expected: `a whole number from 1 to ${maxRouters}` },
  "--os": {
    read: (text: string): LabOs | undefined => (text === "xr" || text === "exr" || text === "mixed" ? text : undefined),
    expected: "xr, exr or mixed"
  },
  "--base-port": { read: wholeNumber(1, 65535), expected: "a port number from 1 to 65535" },
  "--time-scale": {
    read: (text: string) => (/^(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text) && Number(text) > 0 ? Number(text) : undefined),
    expected: "a number greater than 0"
  }
} satisfies Record<string, Option<unknown>>

type Flag = keyof typeof flags

const isFlag = (text: string): text is Flag => text in flags

export const readLabOptions = (args: ReadonlyArray<string>): Result.Result<LabInvocation, string> => {
  const given: Partial<Record<Flag, string>> = {}
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? ""
    if (arg === "--help" || arg === "-h") return Result.succeed({ _tag: "Help" })
    const [flag = "", inline] = arg.split(/=(.*)/s)
    if (!isFlag(flag)) return Result.fail(`Unknown option '${arg}'; --help lists the options.`)
    const value = inline ?? args[++i]
    if (value === undefined) return Result.fail(`The option ${flag} needs a value.`)
    given[flag] = value
  }
  const value = <A>(flag: Flag, option: Option<A>, fallback: A): Result.Result<A, string> => {
    const text = given[flag]
    if (text === undefined) return Result.succeed(fallback)
    const read = option.read(text)
    return read === undefined ? Result.fail(`${flag} must be ${option.expected}, not ${JSON.stringify(text)}.`) : Result.succeed(read)
  }
  if (given["--count"] === undefined) return Result.fail("The option --count is required; --help lists the options.")
  return Result.flatMap(
    Result.all({
      count: value("--count", flags["--count"], 1),
      os: value("--os", flags["--os"], "mixed"),
      basePort: value<number | undefined>("--base-port", flags["--base-port"], undefined),
      timeScale: value<number | undefined>("--time-scale", flags["--time-scale"], undefined)
    }),
    (options): Result.Result<LabInvocation, string> =>
      options.basePort !== undefined && options.basePort + 2 * options.count - 1 > 65535
        ? Result.fail(`--base-port ${options.basePort} leaves no room for ${options.count} routers (two ports each, up to 65535).`)
        : Result.succeed({ _tag: "Run", options })
  )
}
