#!/usr/bin/env node
import { Console, Effect } from "effect"
import { LabStartFailed } from "./lab-errors.ts"
import { labUsage, readLabOptions } from "./lab-options.ts"
import { runCommand } from "../run-command.ts"
import { runLab } from "./run-lab.ts"

/** `csm-lab --count N [--os xr|exr|mixed] [--base-port P] [--time-scale F]`: see `labUsage`. */
const main = Effect.gen(function*() {
  const invocation = yield* Effect.mapError(
    Effect.fromResult(readLabOptions(process.argv.slice(2))),
    (message) => new LabStartFailed({ message })
  )
  if (invocation._tag === "Help") return yield* Console.log(labUsage())
  return yield* runLab(invocation.options)
})

runCommand(main)
