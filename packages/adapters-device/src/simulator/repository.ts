import type { SimRepository, SimRepositoryFile } from "./config.ts"

/**
 * Where files live (DEVICE.md §9.4): the configured repositories, keyed by the URL without
 * credentials, `;vrf` or a trailing `/`, and the local file systems that scp copied into.
 */
export interface SourceUrl {
  readonly key: string
  readonly host: string | undefined
  readonly path: string
  readonly username: string | undefined
  readonly password: string | undefined
}

const remoteUrl = /^([a-z]+):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/;]+)(?:;[^/]*)?(\/.*)?$/

const trimPath = (path: string): string => path.replace(/\/{2,}/g, "/").replace(/\/+$/, "")

export const parseSourceUrl = (url: string): SourceUrl => {
  const remote = remoteUrl.exec(url)
  if (remote === null) {
    return { key: trimPath(url), host: undefined, path: trimPath(url), username: undefined, password: undefined }
  }
  const [, scheme, username, password, host, path] = remote
  const cleanPath = trimPath(path ?? "")
  return { key: `${scheme}://${host}${cleanPath}`, host, path: cleanPath, username, password }
}

/** The URL as pie-info prints it: the password as `*****`. */
export const maskUrlPassword = (url: string): string => url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/, "$1:*****@")

export const credentialsAccepted = (
  repository: SimRepository,
  username: string | undefined,
  password: string | undefined
): boolean =>
  repository.username === undefined || (repository.username === username && repository.password === password)

export interface FileStore {
  readonly repository: (url: string) => SimRepository | undefined
  /** The repository holding `<host>:<dir>` whatever its scheme (scp sources). */
  readonly repositoryAt: (host: string, dir: string) => SimRepository | undefined
  /** Record a file copied (scp) into a local file system such as `disk0:`. */
  readonly storeLocal: (dest: string, file: string, spec: SimRepositoryFile) => void
}

export const makeFileStore = (repositories: Readonly<Record<string, SimRepository>>): FileStore => {
  const local = new Map<string, Record<string, SimRepositoryFile>>()
  const entries = Object.entries(repositories).map(([url, repository]) => ({ source: parseSourceUrl(url), repository }))
  return {
    repository: (url) => {
      const { key } = parseSourceUrl(url)
      const files = local.get(key)
      return files !== undefined ? { files } : entries.find((entry) => entry.source.key === key)?.repository
    },
    repositoryAt: (host, dir) =>
      entries.find((entry) => entry.source.host === host && entry.source.path === trimPath(dir))?.repository,
    storeLocal: (dest, file, spec) => {
      const key = parseSourceUrl(dest).key
      local.set(key, { ...local.get(key), [file]: spec })
    }
  }
}
