import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { bundledCatalogDirectory, parseReleaseDocument } from "@csm/adapters-cco"
import type { SimPackages, SimRepositoryFile } from "@csm/adapters-device"
import { routerSoftwareOf } from "@csm/core"
import type { CcoEntry, ParsedRelease } from "@csm/core"
import { Effect, Result, Schema } from "effect"

/**
 * What a lab router runs and what its repository holds, taken from the bundled CCO catalog so that a
 * server reading the same catalog agrees with the routers: classic XR is asr9k_px 5.3.3, eXR is
 * asr9k_x64 6.1.2 (the simulator's eXR personality, an ASR-9904).
 */

export type LabOsKind = "xr" | "exr"

export interface LabSoftware {
  readonly release: string
  readonly packages: SimPackages
  /** The repository's files as the simulator serves them. */
  readonly files: Readonly<Record<string, SimRepositoryFile>>
  /** The files a router can Add and Activate: every SMU and service pack file of the release. */
  readonly installable: ReadonlyArray<string>
}

export class LabCatalogUnreadable extends Schema.TaggedError<LabCatalogUnreadable>()("LabCatalogUnreadable", {
  message: Schema.String
}) {}

const releaseFiles: Record<LabOsKind, { readonly file: string; readonly release: string }> = {
  xr: { file: "asr9k_px_5.3.3.xml", release: "5.3.3" },
  exr: { file: "asr9k_x64_6.1.2.xml", release: "6.1.2" }
}

/** The XR image package of an eXR router, which the catalog's package bundles do not name. */
const exrImagePackage = (release: string) => `asr9k-xr-${release}`

/** A catalog `Needs Reboot` entry reloads the router when activated; anything else restarts processes. */
const methodOf = (entry: CcoEntry | undefined): SimRepositoryFile["method"] =>
  entry !== undefined && /reboot|reload/i.test(entry.impact) ? "reload" : "restart"

export const labSoftwareOf = (os: LabOsKind, release: string, parsed: ParsedRelease): LabSoftware => {
  const software = routerSoftwareOf({ release, header: parsed.header, entries: parsed.entries })
  const entryOf = (file: string) => parsed.entries.find((entry) => entry.package_names.includes(file))
  const base = os === "exr" ? [exrImagePackage(release), ...software.basePackages] : software.basePackages
  const files = Object.fromEntries(
    software.repositoryFiles.map(({ file, internalNames, size }) => [
      file,
      { internalNames, size, method: methodOf(entryOf(file)) } satisfies SimRepositoryFile
    ])
  )
  return {
    release,
    packages: { xr: { active: base, inactive: [], committed: base } },
    files,
    installable: software.repositoryFiles.map(({ file }) => file)
  }
}

/** Reads and parses the bundled release file of one personality. */
export const readLabSoftware = (os: LabOsKind): Effect.Effect<LabSoftware, LabCatalogUnreadable> => {
  const { file, release } = releaseFiles[os]
  const path = join(bundledCatalogDirectory, file)
  return Effect.tryPromise({
    try: () => readFile(path, "utf8"),
    catch: (error) => new LabCatalogUnreadable({ message: `Cannot read the bundled catalog file ${path}: ${String(error)}` })
  }).pipe(
    Effect.flatMap((text) => {
      const parsed = parseReleaseDocument(text, file)
      return Result.isSuccess(parsed)
        ? Effect.succeed(labSoftwareOf(os, release, parsed.success))
        : Effect.fail(new LabCatalogUnreadable({ message: `The bundled catalog is damaged: ${parsed.failure}` }))
    })
  )
}
