import type { SimRepositoryFile } from "../config.ts"
import { credentialsAccepted, parseSourceUrl } from "../repository.ts"
import type { RouterRuntime } from "../runtime.ts"
import type { InstallRequest } from "./begin-operation.ts"

/** What an `install add` finds at its source, whichever CLI prints the outcome. */
export interface AddSource {
  readonly found: ReadonlyArray<SimRepositoryFile>
  /** The file names the repository does not hold (all of them when no repository is configured there). */
  readonly missing: ReadonlyArray<string>
  /** A repository is configured at the URL and refuses this user name and password. */
  readonly loginRefused: boolean
}

/** Look the files up in the repository at `url`, logging in with the URL's user name and `password`. */
export const lookUpSource = (
  router: RouterRuntime,
  url: string,
  files: ReadonlyArray<string>,
  password: string | undefined
): AddSource => {
  const repository = router.files.repository(url)
  const specs = files.map((file) => repository?.files[file])
  return {
    found: specs.filter((spec): spec is SimRepositoryFile => spec !== undefined),
    missing: files.filter((_, index) => specs[index] === undefined),
    loginRefused: repository !== undefined && !credentialsAccepted(repository, parseSourceUrl(url).username, password)
  }
}

/** The Add of these files: it downloads them and, on success, adds their packages and takes their disk space. */
export const addRequest = (
  router: RouterRuntime,
  command: string,
  found: ReadonlyArray<SimRepositoryFile>,
  plannedFailure: ReadonlyArray<string> | undefined
): InstallRequest => {
  const names = found.flatMap((spec) => spec.internalNames)
  const bytes = found.reduce((sum, spec) => sum + spec.size, 0)
  return {
    action: "add",
    command,
    packages: names,
    downloadBytes: bytes,
    onSuccess: () => {
      found.forEach(router.packages.remember)
      router.packages.add(names)
      router.disk.used += bytes
    },
    ...(plannedFailure !== undefined ? { plannedFailure } : {})
  }
}
