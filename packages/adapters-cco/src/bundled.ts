import { fileURLToPath } from "node:url"

/**
 * The sample catalog shipped with the package (CCO.md §7), the default source. `src/` and `dist/`
 * both sit next to `data/`, so the same relative path works from the sources and the build.
 */
export const bundledCatalogDirectory: string = fileURLToPath(new URL("../data/cco-sample", import.meta.url))
