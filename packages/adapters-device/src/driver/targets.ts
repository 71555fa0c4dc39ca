import type { LoginTarget } from "./connect-request.ts"

/** One address and port to try (DEVICE.md §2.1). */
export interface Target {
  readonly host: string
  readonly port: number
}

export const defaultPort = (connectionType: LoginTarget["connection_type"]): number => (connectionType === "ssh" ? 22 : 23)

export const targetKey = (target: Target): string => `${target.host}:${target.port}`

/**
 * Every address paired with every port, address-major; no port means the protocol's default. The
 * target that last worked (`host:port`) comes first.
 */
export const targetList = (login: Pick<LoginTarget, "ts_or_ip" | "port_number" | "connection_type">, preferred?: string): ReadonlyArray<Target> => {
  const ports = login.port_number.length > 0 ? login.port_number : [defaultPort(login.connection_type)]
  const all = login.ts_or_ip.flatMap((host) => ports.map((port) => ({ host, port })))
  const first = all.find((target) => targetKey(target) === preferred)
  return first === undefined ? all : [first, ...all.filter((target) => target !== first)]
}

/** `telnet://cisco@10.1.1.1:23`: never with a password. */
export const targetUrl = (connectionType: LoginTarget["connection_type"], username: string | undefined, target: Target): string =>
  `${connectionType}://${username === undefined || username === "" ? "" : `${username}@`}${targetKey(target)}`
