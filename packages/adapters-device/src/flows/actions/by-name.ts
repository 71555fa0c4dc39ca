import type { Action } from "./action.ts"
import { activate } from "./activate.ts"
import { add } from "./add.ts"
import { commit } from "./commit.ts"
import { deactivate } from "./deactivate.ts"
import { postUpgrade } from "./post-upgrade.ts"
import { preUpgrade } from "./pre-upgrade.ts"
import { remove } from "./remove.ts"

/** The install actions of the API, by `install_action` name. */
export const actionsByName: Readonly<Record<string, Action>> = {
  "Pre-Upgrade": preUpgrade,
  "Add": add,
  "Activate": activate,
  "Deactivate": deactivate,
  "Remove": remove,
  "Commit": commit,
  "Post-Upgrade": postUpgrade
}
