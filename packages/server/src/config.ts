import { Redacted, Result } from "effect"

/**
 * The server's settings. Each comes from its command-line flag, else its environment variable,
 * else its default; a blank variable counts as unset. Secrets have no flag: a flag would show in
 * `ps` to every user of the machine.
 */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly store: "sqlite" | "memory" | PostgresStore | KurrentStore
  readonly adminUser: string
  readonly adminPassword: Redacted.Redacted<string> | undefined
  readonly secretKey: Redacted.Redacted<Uint8Array> | undefined
  /** A directory or an http(s):// base URL in the CCO SMU meta-file layout; unset: the bundled sample. */
  readonly ccoSource: string | undefined
  /** Seconds between the end of one catalog refresh and the next; 0: at start-up only. */
  readonly ccoRefreshSeconds: number
  /** Bound on each catalog download, and on how long /healthz waits for the first refresh. */
  readonly ccoTimeoutSeconds: number
  readonly maxBodyBytes: number
  readonly maxConcurrentJobs: number
  /** Multiplies every device wait and timeout (DEVICE.md §1); below 1 only for simulated routers. */
  readonly deviceTimeScale: number
  /** With several instances on one store: how long one may go silent before the others fail its running jobs. */
  readonly leaseSeconds: number
}

/** A PostgreSQL database as the store; the URL may hold a password. */
export interface PostgresStore {
  readonly _tag: "postgres"
  readonly url: Redacted.Redacted<string>
}

/**
 * A KurrentDB (or EventStoreDB) server as the store; the connection string may hold a password.
 * The server appends several streams at once, which needs KurrentDB 25.1+ with multi-stream
 * appends enabled.
 */
export interface KurrentStore {
  readonly _tag: "kurrentdb"
  readonly connectionString: Redacted.Redacted<string>
}

const store = (value: string): ServerConfig["store"] | undefined =>
  value === "sqlite" || value === "memory"
    ? value
    : /^postgres(?:ql)?:\/\/\S+$/.test(value) && URL.canParse(value)
    ? { _tag: "postgres", url: Redacted.make(value) }
    // The schemes the KurrentDB client takes (esdb: the older name, which it warns about).
    : /^(?:kurrentdb|esdb)(?:\+discover)?:\/\/[^\s/?]+/.test(value)
    ? { _tag: "kurrentdb", connectionString: Redacted.make(value) }
    : undefined

interface Setting<A> {
  readonly env: string
  readonly flag?: `--${string}`
  readonly meaning: string
  readonly fallback: A
  /** The default as `--help` shows it. */
  readonly shown: string
  /** The value the text stands for, or `undefined` when it is not one. */
  readonly read: (text: string) => A | undefined
  /** Completes "<name> must be …" when `read` refuses a text. */
  readonly expected: string
  /** A secret's refused text is never repeated in the message. */
  readonly secret?: true
}

const text = (value: string): string => value

/** A decimal number in (0, 1]: `0.001`, `1`. */
const scale = (value: string): number | undefined =>
  /^(?:0?\.\d+|1(?:\.0*)?|\d+e-\d+)$/i.test(value) && Number(value) > 0 && Number(value) <= 1 ? Number(value) : undefined

const integerFrom = (min: number, max: number) => (value: string): number | undefined =>
  /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : undefined

/** 32 bytes, written in hex or in base64 (`openssl rand -hex 32`, `openssl rand -base64 32`). */
const key = (value: string): Redacted.Redacted<Uint8Array> | undefined => {
  const bytes = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/]{43}=?$/.test(value)
    ? Buffer.from(value, "base64")
    : undefined
  return bytes && Redacted.make(bytes)
}

const settings: { readonly [K in keyof ServerConfig]: Setting<ServerConfig[K]> } = {
  port: {
    env: "CSM_PORT",
    flag: "--port",
    meaning: "TCP port to listen on; 0 takes any free port",
    fallback: 5000,
    shown: "5000",
    read: integerFrom(0, 65535),
    expected: "a port number from 0 to 65535"
  },
  host: {
    env: "CSM_HOST",
    flag: "--host",
    meaning: "address to listen on; 0.0.0.0 for every interface",
    fallback: "127.0.0.1",
    shown: "127.0.0.1",
    read: text,
    expected: "an address"
  },
  dataDir: {
    env: "CSM_DATA_DIR",
    flag: "--data-dir",
    meaning: "directory of the SQLite store and the keys, created with mode 0700",
    fallback: "./data",
    shown: "./data",
    read: text,
    expected: "a directory"
  },
  store: {
    env: "CSM_STORE",
    flag: "--store",
    meaning: "sqlite: <data dir>/csm.sqlite; memory: nothing outlives the process; " +
      "postgres://user:password@host:port/database; " +
      "kurrentdb://user:password@host:port?tls=false (KurrentDB 25.1+ with multi-stream appends enabled) " +
      "(set a URL in the variable: a flag shows in ps)",
    fallback: "sqlite",
    shown: "sqlite",
    read: store,
    expected: `"sqlite", "memory", a postgres:// URL or a kurrentdb:// connection string`,
    // A mistyped URL may still hold a password: never repeat it.
    secret: true
  },
  adminUser: {
    env: "CSM_ADMIN_USER",
    flag: "--admin-user",
    meaning: "name of the Admin user created on first start",
    fallback: "admin",
    shown: "admin",
    read: text,
    expected: "a user name"
  },
  adminPassword: {
    env: "CSM_ADMIN_PASSWORD",
    meaning: "that user's password",
    fallback: undefined,
    shown: "generated and printed once",
    read: Redacted.make,
    expected: "a password",
    secret: true
  },
  secretKey: {
    env: "CSM_SECRET_KEY",
    meaning: "AES-256-GCM key of the stored device, jump-host and repository passwords",
    fallback: undefined,
    shown: "<data dir>/secret.key",
    read: key,
    expected: "32 bytes written in hex (64 digits) or base64 (44 characters)",
    secret: true
  },
  ccoSource: {
    env: "CSM_CCO_SOURCE",
    flag: "--cco-source",
    meaning: "CCO catalog: a directory or an http(s):// base URL in the CCO SMU meta-file layout",
    fallback: undefined,
    shown: "the bundled sample catalog",
    read: text,
    expected: "a directory or a URL"
  },
  ccoRefreshSeconds: {
    env: "CSM_CCO_REFRESH_SECONDS",
    flag: "--cco-refresh-seconds",
    meaning: "seconds between catalog refreshes; 0 refreshes at start-up only",
    fallback: 86_400,
    shown: "86400",
    read: integerFrom(0, 365 * 86_400),
    expected: "a whole number of seconds from 0 to 31536000"
  },
  ccoTimeoutSeconds: {
    env: "CSM_CCO_TIMEOUT_SECONDS",
    flag: "--cco-timeout-seconds",
    meaning: "timeout of each catalog download",
    fallback: 30,
    shown: "30",
    read: integerFrom(1, 3600),
    expected: "a whole number of seconds from 1 to 3600"
  },
  maxBodyBytes: {
    env: "CSM_MAX_BODY_BYTES",
    flag: "--max-body-bytes",
    meaning: "largest request body accepted",
    fallback: 16 * 1024 * 1024,
    shown: "16 MiB",
    read: integerFrom(1, Number.MAX_SAFE_INTEGER),
    expected: "a positive whole number of bytes"
  },
  maxConcurrentJobs: {
    env: "CSM_MAX_CONCURRENT_JOBS",
    flag: "--max-concurrent-jobs",
    meaning: "install jobs this server may run at once, over all hosts",
    fallback: 100,
    shown: "100",
    read: integerFrom(1, 100_000),
    expected: "a whole number from 1 to 100000"
  },
  deviceTimeScale: {
    env: "CSM_DEVICE_TIME_SCALE",
    flag: "--device-time-scale",
    meaning: "multiplies every device wait and timeout; below 1 only for simulated routers at the same scale",
    fallback: 1,
    shown: "1",
    read: scale,
    expected: "a number greater than 0 and at most 1"
  },
  leaseSeconds: {
    env: "CSM_LEASE_SECONDS",
    flag: "--lease-seconds",
    meaning: "several servers on one PostgreSQL store: a server silent this long has its running jobs failed by the others",
    fallback: 30,
    shown: "30",
    read: integerFrom(3, 3600),
    expected: "a whole number of seconds from 3 to 3600"
  }
}

export type Invocation = { readonly _tag: "Help" } | { readonly _tag: "Run"; readonly config: ServerConfig }

type Environment = Readonly<Record<string, string | undefined>>

/** The invocation that the arguments (without `node` and the script) and the environment ask for; or why they are wrong. */
export const readConfig = (args: ReadonlyArray<string>, env: Environment): Result.Result<Invocation, string> => {
  const flags = new Map<string, string>()
  const known = new Set<string | undefined>(Object.values(settings).map((setting) => setting.flag))
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === "--help" || arg === "-h") return Result.succeed({ _tag: "Help" })
    const [flag = "", inline] = arg.split(/=(.*)/s)
    if (!known.has(flag)) return Result.fail(`Unknown option '${arg}'; --help lists the options.`)
    const value = inline ?? args[++index]
    if (value === undefined) return Result.fail(`The option ${flag} needs a value.`)
    flags.set(flag, value)
  }
  const value = <A>(setting: Setting<A>): Result.Result<A, string> => {
    const fromFlag = setting.flag === undefined ? undefined : flags.get(setting.flag)
    const [name, given] = fromFlag !== undefined ? [setting.flag, fromFlag] : [setting.env, env[setting.env]?.trim() || undefined]
    if (given === undefined) return Result.succeed(setting.fallback)
    const read = setting.read(given)
    if (read !== undefined) return Result.succeed(read)
    return Result.fail(`${name} must be ${setting.expected}${setting.secret ? "" : `, not ${JSON.stringify(given)}`}.`)
  }
  return Result.map(
    Result.all({
      port: value(settings.port),
      host: value(settings.host),
      dataDir: value(settings.dataDir),
      store: value(settings.store),
      adminUser: value(settings.adminUser),
      adminPassword: value(settings.adminPassword),
      secretKey: value(settings.secretKey),
      ccoSource: value(settings.ccoSource),
      ccoRefreshSeconds: value(settings.ccoRefreshSeconds),
      ccoTimeoutSeconds: value(settings.ccoTimeoutSeconds),
      maxBodyBytes: value(settings.maxBodyBytes),
      maxConcurrentJobs: value(settings.maxConcurrentJobs),
      deviceTimeScale: value(settings.deviceTimeScale),
      leaseSeconds: value(settings.leaseSeconds)
    }),
    (config): Invocation => ({ _tag: "Run", config })
  )
}

/** `csm-server --help`. */
export const usage = (): string => {
  const rows = Object.values(settings).map((setting) => ({
    names: `  ${[setting.flag, setting.env].filter(Boolean).join(", ")}`,
    meaning: `${setting.meaning} (default: ${setting.shown})`
  }))
  rows.push({ names: "  --help, -h", meaning: "this text" })
  const width = Math.max(...rows.map(({ names }) => names.length)) + 2
  return [
    "Usage: csm-server [options]",
    "",
    "A Cisco Software Manager server: the /api/v1 REST API of the CSM Server API guide.",
    "Each option may also be set by its environment variable; a flag wins over the variable.",
    "",
    ...rows.map(({ names, meaning }) => names.padEnd(width) + meaning)
  ].join("\n")
}
