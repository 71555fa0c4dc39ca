import { Effect } from "effect"
import { ccoEventDefinitions } from "../catalog/events.ts"
import { CommandProfiles } from "../directories/command-profiles.ts"
import { JumpHosts } from "../directories/jump-hosts.ts"
import { Regions } from "../directories/regions.ts"
import { ServerRepositories } from "../directories/server-repositories.ts"
import { sessionLogEventDefinitions } from "../execution/session-log-events.ts"
import { hostEventDefinitions } from "../hosts/events.ts"
import { installEventDefinitions } from "../install/events.ts"
import type { EventOf } from "../store/event-codec.ts"
import { makeEventCodec } from "../store/event-codec.ts"
import type { RecordedEvent } from "../store/event-store.ts"
import { userEventDefinitions } from "../users/events.ts"

/** Every event type the server stores, with its codec. */
export const domainEventDefinitions = [
  ...userEventDefinitions,
  ...Regions.definitions,
  ...JumpHosts.definitions,
  ...ServerRepositories.definitions,
  ...CommandProfiles.definitions,
  ...hostEventDefinitions,
  ...ccoEventDefinitions,
  ...installEventDefinitions,
  ...sessionLogEventDefinitions
] as const

export type DomainEvent = EventOf<(typeof domainEventDefinitions)[number]>

export const domainCodec = makeEventCodec(domainEventDefinitions)

/** Decodes a stored event; an undecodable one is an `EventDecodeError`, never dropped. */
export const decodeEvent = (recorded: RecordedEvent) => Effect.fromResult(domainCodec.decode(recorded))
