import { Result } from "effect"
import { readConfig, usage } from "../config.ts"
import type { Invocation } from "../config.ts"

/**
 * The demo's server takes every csm-server setting, with two defaults of its own: its data stays
 * apart from a real server's, and its device clock runs at the simulated routers' quick pace.
 */

type Environment = Readonly<Record<string, string | undefined>>

export const demoDefaults = {
  CSM_DATA_DIR: "./data-demo",
  CSM_DEVICE_TIME_SCALE: "0.01"
} as const

/** The environment with the demo's defaults where a variable is unset or blank (as `readConfig` counts it). */
const withDemoDefaults = (env: Environment): Environment => ({
  ...env,
  ...Object.fromEntries(Object.entries(demoDefaults).filter(([name]) => !env[name]?.trim()))
})

export const readDemoConfig = (args: ReadonlyArray<string>, env: Environment): Result.Result<Invocation, string> =>
  readConfig(args, withDemoDefaults(env))

/** `npm run demo -- --help`. */
export const demoUsage = (): string =>
  [
    "Usage: npm run demo [-- options]",
    "",
    "Starts, in one process, a lab of 5 simulated IOS XR routers (classic and eXR, SSH and telnet, one behind",
    "an SSH jump host) and csm-server; registers the lab through the API and prints how to use it.",
    `The server's settings below apply, with the demo's defaults CSM_DATA_DIR=${demoDefaults.CSM_DATA_DIR} and`,
    `CSM_DEVICE_TIME_SCALE=${demoDefaults.CSM_DEVICE_TIME_SCALE} (the routers run at the same time scale).`,
    "",
    usage()
  ].join("\n")
