import { Effect } from "effect"
import type { NewEvent } from "@csm/core"
import { uuidV7 } from "@csm/core"

/** `count` new events of about 60 bytes of JSON each, like the anchors' events (STORE.md §5). */
export const newEvents = (count: number): ReadonlyArray<NewEvent> =>
  Effect.runSync(Effect.replicateEffect(
    Effect.map(uuidV7, (id) => ({
      id,
      type: "InstallJobProgressed",
      schemaVersion: 1,
      data: { id: 4711, status_message: "Copying packages to the device." },
      metadata: {}
    })),
    count
  ))
