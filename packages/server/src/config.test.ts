import { Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import type { ServerConfig } from "./config.ts"
import { readConfig, usage } from "./config.ts"

const configOf = (args: ReadonlyArray<string>, env: Record<string, string> = {}): ServerConfig => {
  const read = readConfig(args, env)
  if (Result.isFailure(read) || read.success._tag !== "Run") throw new Error(`expected a configuration: ${JSON.stringify(read)}`)
  return read.success.config
}

const refusal = (args: ReadonlyArray<string>, env: Record<string, string> = {}): string => {
  const read = readConfig(args, env)
  if (Result.isSuccess(read)) throw new Error("expected a refusal")
  return read.failure
}

describe("readConfig", () => {
  it("has the defaults of the README's table", () => {
    expect(configOf([])).toEqual({
      port: 5000,
      host: "127.0.0.1",
      dataDir: "./data",
      store: "sqlite",
      adminUser: "admin",
      adminPassword: undefined,
      secretKey: undefined,
      ccoSource: undefined,
      ccoRefreshSeconds: 86_400,
      ccoTimeoutSeconds: 30,
      maxBodyBytes: 16 * 1024 * 1024,
      maxConcurrentJobs: 100,
      deviceTimeScale: 1,
      leaseSeconds: 30
    })
  })

  it("reads each variable, and a flag wins over its variable", () => {
    const env = {
      CSM_PORT: "8080",
      CSM_HOST: "0.0.0.0",
      CSM_DATA_DIR: "/var/lib/csm",
      CSM_STORE: "memory",
      CSM_ADMIN_USER: "root",
      CSM_CCO_SOURCE: "https://example.com/cco",
      CSM_CCO_REFRESH_SECONDS: "0",
      CSM_CCO_TIMEOUT_SECONDS: "5",
      CSM_MAX_BODY_BYTES: "1024",
      CSM_MAX_CONCURRENT_JOBS: "7",
      CSM_DEVICE_TIME_SCALE: "0.001",
      CSM_LEASE_SECONDS: "10"
    }
    expect(configOf([], env)).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/var/lib/csm",
      store: "memory",
      adminUser: "root",
      ccoSource: "https://example.com/cco",
      ccoRefreshSeconds: 0,
      ccoTimeoutSeconds: 5,
      maxBodyBytes: 1024,
      maxConcurrentJobs: 7,
      deviceTimeScale: 0.001,
      leaseSeconds: 10
    })
    expect(configOf(["--port", "9000", "--store=sqlite", "--data-dir", "elsewhere"], env)).toMatchObject({
      port: 9000,
      store: "sqlite",
      dataDir: "elsewhere",
      host: "0.0.0.0"
    })
    // A flag wins even over an invalid variable, which is then not read at all.
    expect(configOf(["--port", "0"], { CSM_PORT: "70000" }).port).toBe(0)
  })

  it("counts a blank variable as unset", () => {
    expect(configOf([], { CSM_PORT: "", CSM_STORE: "  ", CSM_ADMIN_PASSWORD: "" })).toMatchObject({ port: 5000, store: "sqlite", adminPassword: undefined })
  })

  it("keeps secrets redacted, and takes the secret key in hex or base64", () => {
    const bytes = Buffer.alloc(32, 7)
    const hex = configOf([], { CSM_SECRET_KEY: bytes.toString("hex"), CSM_ADMIN_PASSWORD: "s3cret" })
    const base64 = configOf([], { CSM_SECRET_KEY: bytes.toString("base64") })
    expect(Redacted.isRedacted(hex.adminPassword)).toBe(true)
    expect(String(hex.adminPassword)).not.toContain("s3cret")
    expect([Redacted.value(hex.secretKey!), Redacted.value(base64.secretKey!)]).toEqual([bytes, bytes])
  })

  it("refuses a bad value in one sentence that names the setting", () => {
    expect(refusal([], { CSM_PORT: "70000" })).toBe(`CSM_PORT must be a port number from 0 to 65535, not "70000".`)
    expect(refusal(["--port", "http"])).toBe(`--port must be a port number from 0 to 65535, not "http".`)
    const storeRefused = `CSM_STORE must be "sqlite", "memory", a postgres:// URL or a kurrentdb:// connection string.`
    expect(refusal([], { CSM_STORE: "postgres" })).toBe(storeRefused)
    // A mistyped URL is never repeated: it may hold a password.
    expect(refusal([], { CSM_STORE: "postgres://u:s3cret@[bad" })).toBe(storeRefused)
    expect(refusal([], { CSM_STORE: "kurrentdb://" })).toBe(storeRefused)
    expect(refusal([], { CSM_STORE: "kurrent-db://u:s3cret@db:2113" })).toBe(storeRefused)
    const postgres = configOf([], { CSM_STORE: "postgres://csm:s3cret@db:5432/csm" }).store
    expect(typeof postgres === "object" && postgres._tag === "postgres" && Redacted.value(postgres.url)).toBe("postgres://csm:s3cret@db:5432/csm")
    expect(String(postgres)).not.toContain("s3cret")
    for (const connectionString of ["kurrentdb://csm:s3cret@db:2113?tls=false", "kurrentdb+discover://db:2113", "esdb://db:2113"]) {
      const kurrent = configOf([], { CSM_STORE: connectionString }).store
      expect(typeof kurrent === "object" && kurrent._tag === "kurrentdb" && Redacted.value(kurrent.connectionString)).toBe(connectionString)
      expect(String(kurrent)).not.toContain("s3cret")
    }
    expect(refusal(["--max-body-bytes", "0"])).toBe(`--max-body-bytes must be a positive whole number of bytes, not "0".`)
    expect(refusal([], { CSM_MAX_CONCURRENT_JOBS: "1.5" })).toBe(`CSM_MAX_CONCURRENT_JOBS must be a whole number from 1 to 100000, not "1.5".`)
    expect(refusal([], { CSM_CCO_TIMEOUT_SECONDS: "0" })).toBe(`CSM_CCO_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 3600, not "0".`)
    expect(refusal(["--cco-refresh-seconds", "-1"])).toBe(`--cco-refresh-seconds must be a whole number of seconds from 0 to 31536000, not "-1".`)
    expect(refusal([], { CSM_LEASE_SECONDS: "2" })).toBe(`CSM_LEASE_SECONDS must be a whole number of seconds from 3 to 3600, not "2".`)
    for (const bad of ["0", "2", "-0.5", "fast", "1e3"]) {
      expect(refusal([], { CSM_DEVICE_TIME_SCALE: bad })).toBe(`CSM_DEVICE_TIME_SCALE must be a number greater than 0 and at most 1, not "${bad}".`)
    }
    expect(configOf(["--device-time-scale", ".5"]).deviceTimeScale).toBe(0.5)
    expect(configOf(["--device-time-scale", "1e-3"]).deviceTimeScale).toBe(0.001)
    expect(refusal(["--verbose"])).toBe(`Unknown option '--verbose'; --help lists the options.`)
    expect(refusal(["--port"])).toBe("The option --port needs a value.")
  })

  it("never repeats a refused secret, and has no flag for secrets", () => {
    const key = "not-a-key-but-maybe-a-password"
    expect(refusal([], { CSM_SECRET_KEY: key })).toBe("CSM_SECRET_KEY must be 32 bytes written in hex (64 digits) or base64 (44 characters).")
    expect(refusal([], { CSM_SECRET_KEY: Buffer.alloc(31).toString("hex") })).not.toContain("00")
    expect(refusal(["--admin-password", "x"])).toMatch(/^Unknown option/)
    expect(refusal(["--secret-key", "x"])).toMatch(/^Unknown option/)
  })

  it("answers --help with the list of settings", () => {
    expect(readConfig(["--port", "1", "--help"], {})).toEqual(Result.succeed({ _tag: "Help" }))
    for (const name of ["CSM_PORT", "--port", "CSM_ADMIN_PASSWORD", "CSM_SECRET_KEY", "CSM_MAX_CONCURRENT_JOBS"]) {
      expect(usage()).toContain(name)
    }
  })
})
