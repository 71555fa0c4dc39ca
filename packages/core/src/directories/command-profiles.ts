import { Schema } from "effect"
import { CommandProfileName, Text } from "../shared/names.ts"
import { defineDirectory } from "./directory.ts"

/** CLI commands that Pre-Upgrade and Post-Upgrade jobs capture the output of. */
export const CommandProfileEntry = Schema.Struct({ command_list: Schema.Array(Schema.String) })
export type CommandProfileEntry = typeof CommandProfileEntry.Type

// One item is one command line: `Text` refuses control characters, so no item can smuggle a
// second command into the device session.
const CommandList = Schema.Array(Text(255).check(Schema.isNonEmpty({ message: "must not hold an empty command" })))
  .annotate({ message: "must be a list of commands" })
  .check(Schema.isMinLength(1, { message: "must hold at least one command" }))

export const CommandProfiles = defineDirectory({
  tag: "CommandProfile",
  label: "custom command profile",
  category: "custom-command-profile",
  listKey: "custom_command_profile_list",
  row: {
    nameKey: "profile_name",
    name: CommandProfileName,
    inputs: { command_list: CommandList },
    secrets: [],
    required: ["command_list"]
  },
  entry: CommandProfileEntry
})
