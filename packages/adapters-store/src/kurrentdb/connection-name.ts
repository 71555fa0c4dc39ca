/**
 * What logs and messages may show of a KurrentDB connection string: its hosts, never the
 * credentials or the settings. `kurrentdb://user:secret@a:2113,b:2113/?tls=false` → `a:2113,b:2113`.
 */
export const kurrentHosts = (connectionString: string): string => {
  const [authority] = connectionString.trim().replace(/^[^:]*:\/\//, "").split("?")
  // Up to the last `@`: a password may hold one.
  return authority.replace(/^.*@/, "").replace(/\/.*$/, "")
}
