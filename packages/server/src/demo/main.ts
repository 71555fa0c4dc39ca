#!/usr/bin/env node
import { Console, Effect } from "effect"
import { StartupError } from "../startup-error.ts"
import { runCommand } from "../run-command.ts"
import { demoUsage, readDemoConfig } from "./demo-config.ts"
import { runDemo } from "./run-demo.ts"

/** `npm run demo [-- options]`: see `demoUsage`. */
const main = Effect.gen(function*() {
  const invocation = yield* Effect.mapError(
    Effect.fromResult(readDemoConfig(process.argv.slice(2), process.env)),
    (message) => new StartupError({ message })
  )
  if (invocation._tag === "Help") return yield* Console.log(demoUsage())
  return yield* runDemo(invocation.config)
})

runCommand(main)
