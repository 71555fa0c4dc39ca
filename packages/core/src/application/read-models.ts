import { Context, Effect, Layer, Result, Semaphore } from "effect"
import { catalogProjection } from "../catalog/projection.ts"
import { ccoEventDefinitions } from "../catalog/events.ts"
import { CommandProfiles } from "../directories/command-profiles.ts"
import { JumpHosts } from "../directories/jump-hosts.ts"
import { Regions } from "../directories/regions.ts"
import { ServerRepositories } from "../directories/server-repositories.ts"
import { hostEventDefinitions } from "../hosts/events.ts"
import { hostsProjection } from "../hosts/projection.ts"
import { installEventDefinitions } from "../install/events.ts"
import { installJobsProjection } from "../install/jobs-projection.ts"
import type { EventDefinition } from "../shared/event-definition.ts"
import type { Projection } from "../shared/projection.ts"
import type { EventDecodeError } from "../store/event-codec.ts"
import { EventStore, Start } from "../store/event-store.ts"
import type { Checkpoint, RecordedEvent, StoreUnavailable } from "../store/event-store.ts"
import { userEventDefinitions } from "../users/events.ts"
import { usersProjection } from "../users/projection.ts"
import { domainCodec } from "./domain-events.ts"

/** The state of every read model, each folded by its feature's projection. */
export const initialViews = () => ({
  users: usersProjection.init(),
  regions: Regions.projection.init(),
  jumpHosts: JumpHosts.projection.init(),
  serverRepositories: ServerRepositories.projection.init(),
  commandProfiles: CommandProfiles.projection.init(),
  hosts: hostsProjection.init(),
  catalog: catalogProjection.init(),
  jobs: installJobsProjection.init()
})

export type Views = ReturnType<typeof initialViews>

type Apply = (event: { readonly _tag: string }, recorded: RecordedEvent) => void

/**
 * Which projection folds each event type. Types without a projection (session-log chunks) are
 * skipped before decoding, so replaying a log full of transcripts costs little.
 */
const routesFor = (views: Views): ReadonlyMap<string, Apply> => {
  const routes = new Map<string, Apply>()
  const route = <S, E>(definitions: ReadonlyArray<EventDefinition>, projection: Projection<S, E>, state: S) => {
    // Each list of definitions describes exactly the events its projection folds.
    const apply: Apply = (event, recorded) => projection.apply(state, event as E, recorded)
    for (const definition of definitions) routes.set(definition.type, apply)
  }
  route(userEventDefinitions, usersProjection, views.users)
  route(Regions.definitions, Regions.projection, views.regions)
  route(JumpHosts.definitions, JumpHosts.projection, views.jumpHosts)
  route(ServerRepositories.definitions, ServerRepositories.projection, views.serverRepositories)
  route(CommandProfiles.definitions, CommandProfiles.projection, views.commandProfiles)
  route(hostEventDefinitions, hostsProjection, views.hosts)
  route(ccoEventDefinitions, catalogProjection, views.catalog)
  route(installEventDefinitions, installJobsProjection, views.jobs)
  return routes
}

/** Views plus a fold of recorded events into them; shared by the service below and the benchmark. */
export const makeFold = () => {
  const views = initialViews()
  const routes = routesFor(views)
  /** Folds one event; answers the decode error of an event it cannot read. */
  const apply = (recorded: RecordedEvent): EventDecodeError | undefined => {
    const route = routes.get(recorded.type)
    if (route === undefined) return undefined
    const decoded = domainCodec.replay(recorded)
    if (Result.isFailure(decoded)) return decoded.failure
    route(decoded.success, recorded)
    return undefined
  }
  return { views, apply }
}

// Pages small enough that the young generation collects each one cheaply (docs/benchmarks.md).
const PAGE = 2_000

/**
 * The read models of the whole domain, folded from the global log. `catchUp` folds everything
 * appended since the last call; the application calls it after each write and before each query,
 * which gives read-your-writes even when another server instance wrote.
 */
export class ReadModels extends Context.Service<ReadModels, {
  readonly views: Views
  readonly catchUp: Effect.Effect<Checkpoint, StoreUnavailable | EventDecodeError>
}>()("csm/core/application/ReadModels") {
  static readonly layer = Layer.effect(
    ReadModels,
    Effect.gen(function*() {
      const store = yield* EventStore
      const { views, apply } = makeFold()
      const lock = yield* Semaphore.make(1)
      let checkpoint: Checkpoint = Start
      const catchUp = Effect.gen(function*() {
        for (;;) {
          const page = yield* store.readAll(checkpoint, PAGE)
          for (const recorded of page.events) {
            const undecodable = apply(recorded)
            if (undecodable) return yield* undecodable
            checkpoint = recorded.checkpoint
          }
          checkpoint = page.next
          if (page.atEnd) return checkpoint
          // The SQLite driver is synchronous: let other fibers run between pages.
          yield* Effect.yieldNow
        }
      }).pipe(Semaphore.withPermit(lock))
      yield* catchUp
      return ReadModels.of({ views, catchUp })
    })
  )
}
