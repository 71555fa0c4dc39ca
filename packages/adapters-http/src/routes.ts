import { HttpRouter } from "effect/http"
import { Layer } from "effect"
import { ccoEndpoints } from "./cco/routes.ts"
import { directoryEndpoints } from "./directories/routes.ts"
import { healthEndpoint } from "./health/route.ts"
import { hostEndpoints } from "./hosts/routes.ts"
import type { Endpoint } from "./http/endpoint.ts"
import { wrongMethodRoutes } from "./http/fallbacks.ts"
import { RequestLog } from "./http/request-log.ts"
import { installEndpoints } from "./install/routes.ts"
import { openApiDocument } from "./openapi/document.ts"
import { openApiEndpoint } from "./openapi/route.ts"
import { tokenEndpoint } from "./token/route.ts"
import { userEndpoints } from "./users/routes.ts"

/** Every route of API.md §1–§8. */
export const csmEndpoints: ReadonlyArray<Endpoint> = [
  tokenEndpoint,
  ...userEndpoints,
  ...directoryEndpoints,
  ...hostEndpoints,
  ...ccoEndpoints,
  ...installEndpoints,
  openApiEndpoint(() => document),
  healthEndpoint
]

const document = openApiDocument(csmEndpoints)

/**
 * The `/api/v1` routes with their request log, for `HttpRouter.serve`. They need the core's
 * services (EventStore, ReadModels, SecretBox, PasswordHasher) and `HttpAuthConfig`.
 */
export const CsmHttpRoutes = Layer.mergeAll(
  HttpRouter.addAll([...csmEndpoints.map((endpoint) => endpoint.route), ...wrongMethodRoutes(csmEndpoints)]),
  RequestLog
)
