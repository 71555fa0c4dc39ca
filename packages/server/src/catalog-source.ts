import { bundledCatalogDirectory, DirectoryCatalogSource, HttpCatalogSource } from "@csm/adapters-cco"
import { resolve } from "node:path"
import type { ServerConfig } from "./config.ts"

/** CSM_CCO_SOURCE: an http(s):// base URL, a directory, or (unset) the catalog bundled with the server. */
export const catalogSource = ({ ccoSource, ccoTimeoutSeconds }: ServerConfig) =>
  ccoSource === undefined
    ? DirectoryCatalogSource.layer(bundledCatalogDirectory)
    : /^https?:\/\//i.test(ccoSource)
    ? HttpCatalogSource.layer({ baseUrl: ccoSource, timeoutSeconds: ccoTimeoutSeconds })
    : DirectoryCatalogSource.layer(resolve(ccoSource))
