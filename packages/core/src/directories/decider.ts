import type { Decider } from "../shared/decider.ts"
import { accept, reject } from "../shared/rejected.ts"
import type { DirectoryCommand } from "./commands.ts"
import type { DirectoryEvent, DirectoryEvents } from "./events.ts"
import { inUseMessage } from "./in-use.ts"
import type { DirectoryKind } from "./kind.ts"
import { upsert } from "../shared/upsert.ts"
import type { Current } from "../shared/upsert.ts"

/** One entry's stream: absent, or its name (as first spelled) and stored values. */
export type DirectoryState<F> = Current<F, "password">

export const directoryDecider = <Tag extends string, F, V>(
  kind: DirectoryKind<Tag, F, V>,
  events: DirectoryEvents<Tag, F>
): Decider<DirectoryCommand<F>, DirectoryEvent<Tag, F>, DirectoryState<F>> => ({
  initialState: undefined,
  decide: (command, state) => {
    switch (command._tag) {
      case "SaveEntry":
        return upsert(
          { required: kind.row.required, ...(kind.restrict && { restrict: kind.restrict }) },
          state,
          command,
          { created: (saved) => events.Defined.make(saved), updated: (saved) => events.Updated.make(saved) }
        )
      case "DeleteEntry": {
        if (state === undefined) return reject(`Unable to locate ${kind.label} ${command.name}`)
        if (command.usedBy.some((referrers) => referrers.names.length > 0)) {
          return reject(inUseMessage(kind.label, state.name, command.usedBy))
        }
        return accept(events.Deleted.make({ name: state.name, time: command.time, by: command.by }))
      }
    }
  },
  // Defined and Updated carry the whole entry; Deleted does not.
  evolve: (_state, event) =>
    "entry" in event ? { name: event.name, stored: { entry: event.entry, secrets: event.secrets } } : undefined
})
